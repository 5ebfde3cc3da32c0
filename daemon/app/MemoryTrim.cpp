#include "app/MemoryTrim.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace lightd::app {
MemoryTrim::MemoryTrim(int delayMs, QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, [] {
#if defined(__GLIBC__)
        malloc_trim(0);
#endif
    });
}

void MemoryTrim::schedule()
{
    if (!m_timer.isActive())
        m_timer.start();
}
} // namespace lightd::app
