#pragma once
#include <QString>

namespace lightd::containers {
class ContainerManager;

// The quota policy: a volume found over its quota stops every running (or starting, or paused)
// container writing into it, with a notice on its console. The stop goes through the runtime's one
// door like any other (an engine that is down refuses it, and the refusal is logged).
void stopContainersOverQuota(ContainerManager &manager, const QString &volumeId);
} // namespace lightd::containers
