using System.Text;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Text as French offices save it: UTF-8 (with or without BOM), or Windows-1252 from Excel's "CSV (séparateur : point-virgule)".
/// Decoding is UTF-8, and any byte sequence that is not valid UTF-8 is read as Windows-1252, so both kinds (and a file
/// mixing them) read right while streaming, without guessing from the first bytes.</summary>
public static class FrenchText
{
    public static readonly Encoding Windows1252 = LoadWindows1252();

    public static readonly Encoding Encoding = System.Text.Encoding.GetEncoding("utf-8", EncoderFallback.ReplacementFallback, new AnsiFallback());

    private static Encoding LoadWindows1252()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    private sealed class AnsiFallback : DecoderFallback
    {
        public override int MaxCharCount => 4;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        private sealed class Buffer : DecoderFallbackBuffer
        {
            private char[] _chars = [];
            private int _position;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _chars = Windows1252.GetChars(bytesUnknown);
                _position = 0;
                return true;
            }

            public override char GetNextChar() => _position < _chars.Length ? _chars[_position++] : '\0';

            public override bool MovePrevious()
            {
                if (_position == 0)
                {
                    return false;
                }
                _position--;
                return true;
            }

            public override int Remaining => _chars.Length - _position;

            public override void Reset()
            {
                _chars = [];
                _position = 0;
            }
        }
    }
}
