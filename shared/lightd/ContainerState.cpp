#include "lightd/ContainerState.h"

#include <array>
#include <utility>

namespace lightd {
namespace {
constexpr std::array<std::pair<ContainerState, const char *>, 7> kNames{{
    {ContainerState::Installing, "installing"},
    {ContainerState::Ready, "ready"},
    {ContainerState::Starting, "starting"},
    {ContainerState::Running, "running"},
    {ContainerState::Stopping, "stopping"},
    {ContainerState::Suspended, "suspended"},
    {ContainerState::Failed, "failed"},
}};
} // namespace

QString toString(ContainerState state)
{
    for (const auto &[s, name] : kNames) {
        if (s == state)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ContainerState> containerStateFromString(const QString &name)
{
    for (const auto &[s, n] : kNames) {
        if (name == QLatin1StringView(n))
            return s;
    }
    return std::nullopt;
}
} // namespace lightd
