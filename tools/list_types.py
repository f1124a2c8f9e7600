#!/usr/bin/env python3
"""List top-level types per .cs file and flag files holding a type of substance not named after the file."""
import re, sys, pathlib

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "src/QualiPilote.Web")
skip = ("Migrations", "/obj/", "/bin/")
decl = re.compile(r'^(?:\[[^\]]*\]\s*)*(?:(?:public|internal|static|sealed|abstract|partial|readonly|file)\s+)*'
                  r'(class|record(?:\s+struct|\s+class)?|struct|interface|enum)\s+([A-Za-z_][A-Za-z0-9_]*)')

def top_level_types(text):
    types, depth, ns_depth = [], 0, 0
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("//"):
            continue
        if re.match(r'^namespace\s+[\w.]+\s*\{?', s) and s.endswith("{"):
            ns_depth += 1
        m = decl.match(s)
        if m and depth == ns_depth and not s.startswith("file "):
            # body: count members with '(' and a body, as a rough 'substance' measure
            types.append([m.group(1).split()[0], m.group(2), len(types)])
        depth += s.count("{") - s.count("}")
    return types

def substance(text, name, kind):
    if kind in ("interface",):
        return True
    if kind == "enum":
        return False
    # find the block of the type and count methods
    i = re.search(r'\b(?:class|record|struct)\s+' + name + r'\b', text)
    if not i:
        return False
    rest = text[i.end():]
    # positional record with no body
    head = rest.split("\n", 1)[0]
    if kind == "record" and head.rstrip().endswith(";"):
        return False
    d = 0; body = []
    started = False
    for ch in rest:
        if ch == "{": d += 1; started = True
        elif ch == "}": d -= 1
        body.append(ch)
        if started and d == 0: break
    b = "".join(body)
    methods = re.findall(r'^\s*(?:public|internal|private|protected)[^=;\n]*\w+\s*\([^;]*$', b, re.M)
    return len(methods) >= 1 or kind == "class" and len(b) > 400

flagged, multi = [], 0
for f in sorted(root.rglob("*.cs")):
    p = str(f)
    if any(x in p for x in skip):
        continue
    text = f.read_text(encoding="utf-8-sig")
    types = top_level_types(text)
    stem = f.name[:-3].split(".")[0]
    if len(types) > 1:
        multi += 1
    subs = [(k, n) for k, n, _ in types if n != stem and substance(text, n, k)]
    if subs and len(types) > 1:
        flagged.append((p, [n for _, n, _ in types], subs))
    if "-v" in sys.argv:
        print(p, [f"{k} {n}" for k, n, _ in types])
print(f"files with more than one top-level type: {multi}")
print(f"flagged (a type of substance not named after its file): {len(flagged)}")
for p, all_, subs in flagged:
    print(f"  {p}: {', '.join(all_)}  -> substance: {', '.join(n for _, n in subs)}")
