#pragma once
#include <QColor>
#include <QList>
#include <QString>
#include <optional>

namespace lightd::gui {
struct AnsiStyle
{
    std::optional<QColor> foreground;
    std::optional<QColor> background;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool operator==(const AnsiStyle &) const = default;
};

struct AnsiSpan
{
    QString text;
    AnsiStyle style;
};

// Turns console lines with ANSI SGR escapes (16 colours, 256 colours, truecolour, bold, italic,
// underline) into styled spans. The style carries over from line to line as in a terminal;
// other escape sequences are dropped.
class AnsiParser
{
  public:
    QList<AnsiSpan> parse(const QString &line);
    void reset() { m_style = {}; }
    static QColor paletteColor(int index);

  private:
    void apply(const QList<int> &codes);
    AnsiStyle m_style;
};
} // namespace lightd::gui
