#include "app/Theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QSettings>
#include <QStyleFactory>
#include <utility>

namespace lightd::gui {
namespace {
// Sidebar and console colours are spelled one step off the mapped ones below (#fefefe, #2f5bd4,
// #e5e7ea): they are dark in both sets and must not be swapped.
const char *kStyleSheet = R"(
QMainWindow, QDialog { background: #f6f7f9; }
#sidebar { background: #151b26; }
#sidebar QLabel#brand { color: #fefefe; font-size: 17px; font-weight: 600; padding: 2px 0; }
#sidebar QLabel#brandSub { color: #8792a8; font-size: 11px; }
#sidebar QTreeView { background: transparent; border: none; color: #d5dbe6; font-size: 13px; outline: 0;
                     show-decoration-selected: 0; }
#sidebar QTreeView::branch, #sidebar QTreeView::branch:selected { background: #151b26; }
#sidebar QTreeView::item { padding: 6px 4px; border-radius: 6px; }
#sidebar QTreeView::item:hover { background: #222b3a; }
#sidebar QTreeView::item:selected { background: #2f5bd4; color: #fefefe; }
#sidebar QTreeView::branch { background: transparent; }
#sidebar QPushButton { background: #222b3a; color: #d5dbe6; border: 1px solid #2c3648; border-radius: 6px; padding: 6px 10px; }
#sidebar QPushButton:hover { background: #2c3648; }
#sidebar QPushButton:disabled { color: #5b6578; }
#nodeHeader { background: #ffffff; border-bottom: 1px solid #e3e6eb; }
#nodeHeader QLabel#nodeName { font-size: 15px; font-weight: 600; color: #111827; }
#nodeHeader QLabel#nodeUrl { color: #6b7280; }
QLabel#stateChip { border-radius: 10px; padding: 3px 10px; font-weight: 600; }
QLabel#pageTitle { font-size: 22px; font-weight: 600; color: #111827; }
QLabel#pageSubtitle { color: #6b7280; }
QLabel#stateBadge { border-radius: 10px; padding: 3px 12px; font-weight: 600; }
QLabel#transportChip { border-radius: 10px; padding: 3px 10px; font-size: 12px; }
#secretBox { background: #fffbeb; border: 1px solid #fde68a; border-radius: 8px; color: #92400e; }
#secretBox QLineEdit { background: #ffffff; border: 1px solid #fde68a; border-radius: 4px; padding: 3px 6px; color: #111827; }
QToolButton#pageAction { background: #ffffff; border: 1px solid #d9dde3; border-radius: 6px; padding: 5px 10px; color: #1f2937; }
QToolButton#pageAction:hover { background: #eef2ff; border-color: #b9c6f4; }
QToolButton#pageAction:pressed { background: #dfe7fd; }
QToolButton#pageAction:disabled { color: #a0a7b4; background: #f3f4f6; border-color: #e5e7eb; }
QToolButton#pageAction::menu-indicator { image: none; width: 0; }
lightd--gui--ActionBar QToolButton#pageAction { padding-right: 2px; } /* Qt adds two spaces after the text */
QLineEdit#searchField { background: #ffffff; border: 1px solid #d9dde3; border-radius: 6px; padding: 5px 6px; }
QLineEdit#searchField:focus { border-color: #2f5bd3; }
QTableView { background: #ffffff; alternate-background-color: #fafbfc; border: 1px solid #e3e6eb; border-radius: 8px;
             selection-background-color: #dbe5ff; selection-color: #111827; }
QTableView::item { border: 0px; padding-left: 5px; } /* cell text starts where its header's does */
QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #e3e6eb; padding: 7px 8px;
                       color: #6b7280; font-weight: 600; }
#messageBar { border-radius: 8px; }
#messageBar[kind="error"] { background: #fef2f2; border: 1px solid #fecaca; color: #991b1b; }
#messageBar[kind="warning"] { background: #fffbeb; border: 1px solid #fde68a; color: #92400e; }
#messageBar[kind="success"] { background: #f0fdf4; border: 1px solid #bbf7d0; color: #166534; }
#messageBar[kind="info"] { background: #eff6ff; border: 1px solid #bfdbfe; color: #1e40af; }
#emptyState QLabel#emptyTitle { font-size: 18px; font-weight: 600; color: #1f2937; }
#emptyState QLabel#emptyText { color: #6b7280; font-size: 13px; }
QLabel#dialogHint { color: #6b7280; }
QLabel#dialogHint[error="true"] { color: #b91c1c; }
QLabel#dialogHint[match="true"] { color: #166534; }
#breadcrumb { background: #ffffff; border: 1px solid #e3e6eb; border-radius: 8px; }
QScrollArea#crumbScroll { background: transparent; }
QToolButton#crumb { border: none; padding: 4px 6px; color: #2f5bd3; font-weight: 500; }
QToolButton#crumb:disabled { color: #111827; font-weight: 600; }
QLabel#crumbSeparator { color: #9ca3af; padding: 0 2px; }
QPlainTextEdit#console { background: #0f141c; color: #d7dae0; border: none; padding: 8px;
                         selection-background-color: #2f5bd3; }
#consoleInput { background: #161c27; border-top: 1px solid #232b39; }
#consoleInput QLabel#consolePrompt { color: #61afef; font-weight: 700; }
QLineEdit#commandLine { background: transparent; color: #e5e7ea; border: none; padding: 4px; }
#statsCard { background: #ffffff; border: 1px solid #e3e6eb; border-radius: 10px; }
QLabel#statsTitle { color: #6b7280; font-weight: 600; }
QLabel#statsValue { color: #111827; font-size: 18px; font-weight: 600; }
QGroupBox { background: #ffffff; border: 1px solid #e3e6eb; border-radius: 10px; margin-top: 16px; padding: 14px 10px 10px 10px; font-weight: 600; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; color: #374151; }
QLabel#rateValue { font-weight: 600; color: #111827; }
QStatusBar { background: #ffffff; border-top: 1px solid #e3e6eb; color: #4b5563; }
QTabWidget::pane { border: 1px solid #e3e6eb; border-radius: 8px; background: #ffffff; top: -1px; }
QTabBar::tab { padding: 7px 14px; border: none; color: #6b7280; }
QTabBar::tab:selected { color: #111827; border-bottom: 2px solid #2f5bd3; }
/* Dialogs in the main window's look: its card colours, rounded inputs, the page buttons, one accent default. */
QDialog QPushButton { background: #ffffff; border: 1px solid #d9dde3; border-radius: 6px; padding: 6px 14px;
                      color: #1f2937; min-width: 64px; }
QDialog QPushButton:hover { background: #eef2ff; border-color: #b9c6f4; }
QDialog QPushButton:pressed { background: #dfe7fd; }
QDialog QPushButton:default { background: #2f5bd3; border-color: #2f5bd3; color: #fefefe; font-weight: 600; }
QDialog QPushButton:disabled { color: #a0a7b4; background: #f3f4f6; border-color: #e5e7eb; }
QDialog QLineEdit, QDialog QPlainTextEdit, QDialog QListWidget { background: #ffffff; border: 1px solid #d9dde3;
                                                                 border-radius: 6px; }
QDialog QLineEdit { padding: 4px 6px; }
QDialog QLineEdit:focus, QDialog QPlainTextEdit:focus { border-color: #2f5bd3; }
QDialog QLabel#dialogSection { font-weight: 600; color: #374151; }
)";
// The dark set: every light colour of the sheet above and its dark counterpart (the sidebar and the
// console are dark already and keep their colours).
const std::pair<const char *, const char *> kDarkColors[] = {
    {"#f6f7f9", "#0f141c"}, {"#ffffff", "#161c27"}, {"#fafbfc", "#1a2130"}, {"#e3e6eb", "#2a3342"},
    {"#d9dde3", "#323c4d"}, {"#111827", "#e5e7eb"}, {"#1f2937", "#d5dbe6"}, {"#374151", "#c4cad4"},
    {"#6b7280", "#9aa3b2"}, {"#dbe5ff", "#23407a"}, {"#eef2ff", "#222b3a"}, {"#dfe7fd", "#2a3a60"},
    {"#f3f4f6", "#1c2330"}, {"#e5e7eb", "#2f3846"}, {"#a0a7b4", "#5b6578"}, {"#b9c6f4", "#3b5bb5"},
    {"#fef2f2", "#3a1717"}, {"#fecaca", "#7f1d1d"}, {"#991b1b", "#fecaca"}, {"#fffbeb", "#33270f"},
    {"#fde68a", "#78580f"}, {"#92400e", "#fde68a"}, {"#f0fdf4", "#10291a"}, {"#bbf7d0", "#166534"},
    {"#166534", "#bbf7d0"}, {"#eff6ff", "#132340"}, {"#bfdbfe", "#1e40af"}, {"#1e40af", "#bfdbfe"},
    {"#b91c1c", "#f87171"}, {"#2f5bd3", "#6b8ff0"},
};

QString styleSheet(bool dark)
{
    QString sheet = QString::fromUtf8(kStyleSheet);
    if (!dark)
        return sheet;
    // One pass over the sheet, so a colour replaced is never replaced again.
    QString out;
    out.reserve(sheet.size());
    for (qsizetype i = 0; i < sheet.size();) {
        bool replaced = false;
        if (sheet.at(i) == u'#') {
            for (const auto &[light, darkColor] : kDarkColors)
                if (sheet.mid(i, 7).compare(QLatin1StringView(light), Qt::CaseInsensitive) == 0 &&
                    (i + 7 >= sheet.size() || !isxdigit(sheet.at(i + 7).toLatin1()))) {
                    out += QLatin1StringView(darkColor);
                    i += 7;
                    replaced = true;
                    break;
                }
        }
        if (!replaced)
            out += sheet.at(i++);
    }
    return out;
}

bool g_dark = false;
const QString kThemeKey = QStringLiteral("ui/theme");
} // namespace

namespace theme {
QString configured()
{
    return QSettings().value(kThemeKey, QStringLiteral("system")).toString();
}

void setConfigured(const QString &mode)
{
    QSettings().setValue(kThemeKey, mode);
}

bool wantsDark(const QString &mode, const QPalette &desktop)
{
    if (mode == QLatin1StringView("dark"))
        return true;
    if (mode == QLatin1StringView("light"))
        return false;
    // Qt 6.4 has no colour-scheme hint: a desktop in dark mode hands out a dark window colour.
    return desktop.color(QPalette::Window).lightness() < 128;
}

bool isDark()
{
    return g_dark;
}
} // namespace theme

void applyTheme(QApplication &app)
{
    // The desktop's palette, remembered before this app's own replaces it.
    static const QPalette desktop = QApplication::palette();
    applyTheme(app, theme::wantsDark(theme::configured(), desktop));
}

void applyTheme(QApplication &app, bool dark)
{
    g_dark = dark;
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    const auto c = [dark](QRgb light, QRgb darkColor) { return QColor::fromRgb(dark ? darkColor : light); };
    p.setColor(QPalette::Window, c(0xf6f7f9, 0x0f141c));
    p.setColor(QPalette::WindowText, c(0x111827, 0xe5e7eb));
    p.setColor(QPalette::Base, c(0xffffff, 0x161c27));
    p.setColor(QPalette::AlternateBase, c(0xfafbfc, 0x1a2130));
    p.setColor(QPalette::Text, c(0x111827, 0xe5e7eb));
    p.setColor(QPalette::Button, c(0xffffff, 0x1c2330));
    p.setColor(QPalette::ButtonText, c(0x1f2937, 0xd5dbe6));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5b, 0xd3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, c(0x9ca3af, 0x6b7280));
    p.setColor(QPalette::Link, c(0x2f5bd3, 0x8fb0ff));
    p.setColor(QPalette::Disabled, QPalette::Text, c(0x9ca3af, 0x5b6578));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, c(0x9ca3af, 0x5b6578));
    p.setColor(QPalette::Disabled, QPalette::WindowText, c(0x9ca3af, 0x5b6578));
    app.setPalette(p);
    QFont font = app.font();
    font.setPointSize(10);
    app.setFont(font);
    app.setStyleSheet(styleSheet(dark));
}
} // namespace lightd::gui
