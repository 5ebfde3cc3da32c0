#include "pages/PowerActions.h"

namespace lightd::gui {
QStringList powerVerbs()
{
    return {QStringLiteral("start"), QStringLiteral("stop"),    QStringLiteral("restart"),
            QStringLiteral("kill"),  QStringLiteral("suspend"), QStringLiteral("resume")};
}

bool powerAllowed(const QString &state, const QString &verb)
{
    const auto is = [&state](const char *s) { return state == QLatin1StringView(s); };
    const auto v = [&verb](const char *s) { return verb == QLatin1StringView(s); };
    if (v("start"))
        return is("ready") || is("failed");
    if (v("stop") || v("restart"))
        return is("running") || is("starting");
    if (v("kill"))
        return is("running") || is("starting") || is("stopping");
    if (v("suspend"))
        return is("running");
    if (v("resume"))
        return is("suspended");
    return false;
}
} // namespace lightd::gui
