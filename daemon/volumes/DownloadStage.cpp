#include "volumes/DownloadStage.h"

#include "lightd/DomainError.h"
#include "volumes/TreeOps.h"
#include "volumes/VolumesLog.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace lightd::volumes {
namespace {
void clear(int dirFd)
{
    for (const QByteArray &n : tree::entries(dirFd))
        unlinkat(dirFd, n.constData(), 0);
}
} // namespace

DownloadStage::DownloadStage(const QString &volumesRoot)
    : m_dirPath(QDir(volumesRoot).filePath(QStringLiteral(".lightd-downloads")))
{
    const QByteArray path = QFile::encodeName(m_dirPath);
    mkdir(path.constData(), 0700);
    m_dir.reset(::open(path.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (m_dir.valid())
        clear(m_dir.get()); // names left by a previous run
    else
        qCWarning(lcVolumes) << "cannot open the download staging directory, errno" << errno;
}

DownloadStage::~DownloadStage()
{
    if (m_dir.valid())
        clear(m_dir.get());
}

QString DownloadStage::stage(int fd)
{
    if (!m_dir.valid())
        throw DomainError::internal();
    const QByteArray proc = "/proc/self/fd/" + QByteArray::number(fd);
    QByteArray name;
    for (int attempt = 0; attempt < 8; ++attempt) {
        name = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        if (linkat(AT_FDCWD, proc.constData(), m_dir.get(), name.constData(), AT_SYMLINK_FOLLOW) == 0)
            break;
        if (errno != EEXIST) {
            qCWarning(lcVolumes) << "cannot stage a download, errno" << errno;
            throw DomainError::internal();
        }
        name.clear();
    }
    if (name.isEmpty())
        throw DomainError::internal();
    QTimer::singleShot(kHoldMs, &m_timers, [dir = m_dir.get(), name] { unlinkat(dir, name.constData(), 0); });
    return m_dirPath + QLatin1Char('/') + QString::fromLatin1(name);
}
} // namespace lightd::volumes
