// Loaded by Shared/_Layout.cshtml on every page (the content security policy allows no inline script).
(function () {
    // A page that comes back with errors, or with a message after a save, puts the focus on that message (RGAA 11.10,
    // 7.5): a screen reader reads it and the next Tab goes on from there, not from the top of the page. The focus also
    // scrolls it into view, which brings a page with several forms back at the block that was posted.
    var target = document.querySelector('[data-qp-focus="erreur"]') || document.querySelector('[data-qp-focus]');
    if (target) {
        target.focus();
        // An address with a fragment (#engagement-14 after a save) has the browser scroll there once the page has loaded,
        // which drops the focus back on the body: take it again then, unless the user has already moved it.
        window.addEventListener('load', function () {
            if (document.activeElement === document.body || document.activeElement === null) {
                target.focus();
            }
        });
    }

    // Table containers are tab stops (Shared/TagHelpers/ScrollingTableTagHelper.cs) so that a keyboard can scroll them;
    // one whose table fits needs no tab stop, so it gets one only while its content overflows.
    if (!('ResizeObserver' in window)) {
        return;
    }
    function update(container) {
        if (!container) {
            return;
        }
        if (container.scrollWidth > container.clientWidth + 1 || container.scrollHeight > container.clientHeight + 1) {
            container.setAttribute('tabindex', '0');
        } else if (document.activeElement !== container) {
            container.removeAttribute('tabindex');
        }
    }
    var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { update(entry.target.closest('[data-qp-scroll]')); });
    });
    document.querySelectorAll('[data-qp-scroll]').forEach(function (container) {
        observer.observe(container);
        var table = container.querySelector('table');
        if (table) {
            observer.observe(table);
        }
    });
})();
