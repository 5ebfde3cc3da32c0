#include "widgets/AnsiParser.h"

namespace lightd::gui {
QColor AnsiParser::paletteColor(int index)
{
    // Tuned for the dark console background.
    static const QRgb base[16] = {0x3b4252, 0xef6b73, 0x8fd18a, 0xe5c07b, 0x61afef, 0xc678dd,
                                  0x56b6c2, 0xd7dae0, 0x6b7280, 0xff8a8a, 0xa6e3a1, 0xf9e2af,
                                  0x89b4fa, 0xf5c2e7, 0x94e2d5, 0xffffff};
    if (index < 16)
        return QColor::fromRgb(base[qMax(0, index)]);
    if (index < 232) {
        const int i = index - 16;
        const auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return QColor(level(i / 36), level(i / 6 % 6), level(i % 6));
    }
    const int grey = 8 + (qMin(index, 255) - 232) * 10;
    return QColor(grey, grey, grey);
}

void AnsiParser::apply(const QList<int> &codes)
{
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const int c = codes.at(i);
        if (c == 0)
            m_style = {};
        else if (c == 1)
            m_style.bold = true;
        else if (c == 3)
            m_style.italic = true;
        else if (c == 4)
            m_style.underline = true;
        else if (c == 22)
            m_style.bold = false;
        else if (c == 23)
            m_style.italic = false;
        else if (c == 24)
            m_style.underline = false;
        else if (c >= 30 && c <= 37)
            m_style.foreground = paletteColor(c - 30);
        else if (c >= 90 && c <= 97)
            m_style.foreground = paletteColor(c - 90 + 8);
        else if (c == 39)
            m_style.foreground.reset();
        else if (c >= 40 && c <= 47)
            m_style.background = paletteColor(c - 40);
        else if (c >= 100 && c <= 107)
            m_style.background = paletteColor(c - 100 + 8);
        else if (c == 49)
            m_style.background.reset();
        else if ((c == 38 || c == 48) && i + 1 < codes.size()) {
            std::optional<QColor> color;
            if (codes.at(i + 1) == 5 && i + 2 < codes.size()) {
                color = paletteColor(qBound(0, codes.at(i + 2), 255));
                i += 2;
            } else if (codes.at(i + 1) == 2 && i + 4 < codes.size()) {
                color = QColor(qBound(0, codes.at(i + 2), 255), qBound(0, codes.at(i + 3), 255),
                               qBound(0, codes.at(i + 4), 255));
                i += 4;
            }
            (c == 38 ? m_style.foreground : m_style.background) = color;
        }
    }
}

QList<AnsiSpan> AnsiParser::parse(const QString &line)
{
    QList<AnsiSpan> spans;
    QString text;
    auto flush = [&] {
        if (text.isEmpty())
            return;
        if (!spans.isEmpty() && spans.last().style == m_style)
            spans.last().text += text;
        else
            spans.append(AnsiSpan{text, m_style});
        text.clear();
    };
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar ch = line.at(i);
        if (ch != u'\x1b') {
            if (ch == u'\t' || ch >= u' ')
                text += ch;
            continue;
        }
        if (i + 1 < n && line.at(i + 1) == u'[') {
            qsizetype j = i + 2;
            while (j < n && !(line.at(j) >= u'@' && line.at(j) <= u'~'))
                ++j;
            if (j < n && line.at(j) == u'm') {
                flush();
                QList<int> codes;
                for (const QString &part : line.mid(i + 2, j - i - 2).split(u';'))
                    codes.append(part.isEmpty() ? 0 : part.toInt());
                apply(codes);
            }
            i = j; // any other CSI sequence (cursor moves, erase) is dropped
        } else if (i + 1 < n && line.at(i + 1) == u']') {
            qsizetype j = i + 2; // OSC (window titles): up to BEL or ESC backslash
            while (j < n && line.at(j) != u'\x07' &&
                   !(line.at(j) == u'\x1b' && j + 1 < n && line.at(j + 1) == u'\\'))
                ++j;
            i = (j < n && line.at(j) == u'\x1b') ? j + 1 : j;
        } else {
            ++i; // two-character escape
        }
    }
    flush();
    return spans;
}
} // namespace lightd::gui
