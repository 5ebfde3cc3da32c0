#include "docker/DockerStream.h"

namespace lightd::docker {

bool DockerStream::write(const QByteArray &)
{
    return false;
}

void DockerStream::close()
{
    finish(DockerError::cancelled());
}

void DockerStream::markStarted()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    Q_EMIT started();
}

void DockerStream::finish(const DockerError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished(error);
}

} // namespace lightd::docker
