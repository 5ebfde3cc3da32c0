#include "widgets/StateStyle.h"

#include <QCoreApplication>

namespace lightd::gui {
QString stateLabel(const QString &state)
{
    static const struct
    {
        const char *wire;
        const char *label;
    } labels[] = {
        {"installing", QT_TRANSLATE_NOOP("lightd::gui::State", "Installing")},
        {"ready", QT_TRANSLATE_NOOP("lightd::gui::State", "Ready")},
        {"starting", QT_TRANSLATE_NOOP("lightd::gui::State", "Starting")},
        {"running", QT_TRANSLATE_NOOP("lightd::gui::State", "Running")},
        {"stopping", QT_TRANSLATE_NOOP("lightd::gui::State", "Stopping")},
        {"suspended", QT_TRANSLATE_NOOP("lightd::gui::State", "Suspended")},
        {"failed", QT_TRANSLATE_NOOP("lightd::gui::State", "Failed")},
    };
    for (const auto &l : labels)
        if (state == QLatin1StringView(l.wire))
            return QCoreApplication::translate("lightd::gui::State", l.label);
    return state.isEmpty() ? QCoreApplication::translate("lightd::gui::State", "Unknown") : state;
}

QColor stateColor(const QString &state)
{
    if (state == QLatin1StringView("running"))
        return QColor(0x16, 0xa3, 0x4a);
    if (state == QLatin1StringView("starting") || state == QLatin1StringView("installing"))
        return QColor(0x25, 0x63, 0xeb);
    if (state == QLatin1StringView("stopping") || state == QLatin1StringView("suspended"))
        return QColor(0xd9, 0x77, 0x06);
    if (state == QLatin1StringView("failed"))
        return QColor(0xdc, 0x26, 0x26);
    return QColor(0x64, 0x74, 0x8b); // ready / unknown
}
} // namespace lightd::gui
