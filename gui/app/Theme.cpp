#include "app/Theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace lightd::gui {
namespace {
const char *kStyleSheet = R"(
QMainWindow, QDialog { background: #f6f7f9; }
#sidebar { background: #151b26; }
#sidebar QLabel#brand { color: #ffffff; font-size: 17px; font-weight: 600; padding: 2px 0; }
#sidebar QLabel#brandSub { color: #8792a8; font-size: 11px; }
#sidebar QTreeView { background: transparent; border: none; color: #d5dbe6; font-size: 13px; outline: 0;
                     show-decoration-selected: 0; }
#sidebar QTreeView::branch, #sidebar QTreeView::branch:selected { background: #151b26; }
#sidebar QTreeView::item { padding: 6px 4px; border-radius: 6px; }
#sidebar QTreeView::item:hover { background: #222b3a; }
#sidebar QTreeView::item:selected { background: #2f5bd3; color: #ffffff; }
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
QLineEdit#commandLine { background: transparent; color: #e5e7eb; border: none; padding: 4px; }
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
)";
} // namespace

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::WindowText, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xfa, 0xfb, 0xfc));
    p.setColor(QPalette::Text, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::Button, Qt::white);
    p.setColor(QPalette::ButtonText, QColor(0x1f, 0x29, 0x37));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5b, 0xd3));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x11, 0x18, 0x27));
    p.setColor(QPalette::ToolTipText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9c, 0xa3, 0xaf));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9c, 0xa3, 0xaf));
    app.setPalette(p);
    QFont font = app.font();
    font.setPointSize(10);
    app.setFont(font);
    app.setStyleSheet(QString::fromUtf8(kStyleSheet));
}
} // namespace lightd::gui
