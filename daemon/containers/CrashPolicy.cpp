#include "containers/CrashPolicy.h"

namespace lightd::containers {
CrashPolicy::Verdict CrashPolicy::onCrash(qint64 nowS, bool restartEnabled, int windowS)
{
    if (!restartEnabled)
        return Verdict::Off;
    if (m_lastRestart != 0 && nowS - m_lastRestart < windowS)
        return Verdict::TooSoon;
    m_lastRestart = nowS;
    return Verdict::Restart;
}
} // namespace lightd::containers
