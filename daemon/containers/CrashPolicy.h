#pragma once
#include <QtGlobal>

namespace lightd::containers {
// What a crash of a server leads to (config containers.crash_restart, crash_window_s, read at each
// crash so a reload applies): a restart, unless restarts are off or the last crash restart was
// less than the window ago (a crash loop is left alone, ready, for the operator).
class CrashPolicy
{
  public:
    enum class Verdict { Restart, Off, TooSoon };

    // Judges a crash at nowS (unix seconds) and, on Restart, remembers it.
    Verdict onCrash(qint64 nowS, bool restartEnabled, int windowS);

  private:
    qint64 m_lastRestart = 0;
};
} // namespace lightd::containers
