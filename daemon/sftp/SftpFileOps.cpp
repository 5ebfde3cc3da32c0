#include "sftp/SftpFileOps.h"

#include "lightd/DomainError.h"
#include "sftp/SftpAttributes.h"
#include "sftp/SftpExtensions.h"
#include "sftp/SftpStatus.h"
#include "sftp/SftpWriteFile.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace lightd::sftp {
using volumes::PathParts;
using volumes::Sandbox;
using volumes::UniqueFd;

namespace {
constexpr int kDirBatch = 64;

QByteArray fileName(sftp_client_message_struct *msg)
{
    return QByteArray(msg->filename ? msg->filename : "");
}

PathParts pathOf(sftp_client_message_struct *msg)
{
    return paths::parse(fileName(msg));
}

struct stat statOf(int fd)
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0)
        throw SftpFailure::fromErrno(errno);
    return st;
}

int replyOk(sftp_client_message_struct *msg)
{
    return sftp_reply_status(msg, SSH_FX_OK, "Success");
}

int replyAttr(sftp_client_message_struct *msg, const struct stat &st)
{
    sftp_attributes_struct a = attrs::fromStat(st);
    return sftp_reply_attr(msg, &a);
}
} // namespace

struct SftpFileOps::Handle
{
    UniqueFd fd;                          // read-only file or directory
    std::unique_ptr<SftpWriteFile> write; // file opened for writing
    DIR *dir = nullptr;
    bool dirDone = false;
    ~Handle()
    {
        if (dir)
            closedir(dir);
    }
    int fileFd() const { return write ? write->fd() : fd.get(); }
};

SftpFileOps::SftpFileOps(std::shared_ptr<const Sandbox> sandbox, volumes::QuotaTracker &quota,
                         QString volumeId)
    : m_sandbox(std::move(sandbox)), m_quota(quota), m_volumeId(std::move(volumeId)), m_buffer(kMaxRead)
{}

SftpFileOps::~SftpFileOps() = default; // open write handles are dropped: temp files removed, quota refunded

bool SftpFileOps::handle(sftp_client_message_struct *msg)
{
    try {
        return dispatch(msg) >= 0;
    } catch (const SftpFailure &f) {
        return sftp_reply_status(msg, f.code(), f.message().constData()) >= 0;
    } catch (const DomainError &e) {
        const SftpFailure f = SftpFailure::from(e);
        return sftp_reply_status(msg, f.code(), f.message().constData()) >= 0;
    }
}

int SftpFileOps::dispatch(sftp_client_message_struct *msg)
{
    switch (msg->type) {
    case SSH_FXP_OPEN:
        return open(msg);
    case SSH_FXP_READ:
        return read(msg);
    case SSH_FXP_WRITE:
        return write(msg);
    case SSH_FXP_CLOSE:
        return close(msg);
    case SSH_FXP_STAT:
        return stat(msg, true);
    case SSH_FXP_LSTAT:
        return stat(msg, false);
    case SSH_FXP_FSTAT:
        return fstat(msg);
    case SSH_FXP_SETSTAT:
        return setstat(msg);
    case SSH_FXP_FSETSTAT:
        return fsetstat(msg);
    case SSH_FXP_OPENDIR:
        return opendir(msg);
    case SSH_FXP_READDIR:
        return readdir(msg);
    case SSH_FXP_REMOVE:
        return remove(msg);
    case SSH_FXP_MKDIR:
        return mkdir(msg);
    case SSH_FXP_RMDIR:
        return rmdir(msg);
    case SSH_FXP_REALPATH:
        return realpath(msg);
    case SSH_FXP_RENAME:
        return rename(msg);
    case SSH_FXP_READLINK:
        return readlink(msg);
    case SSH_FXP_SYMLINK:
        throw SftpFailure(SSH_FX_OP_UNSUPPORTED, "Creating symbolic links is not supported");
    case SSH_FXP_EXTENDED:
        return extended(msg);
    default:
        throw SftpFailure(SSH_FX_OP_UNSUPPORTED, "Operation not supported");
    }
}

SftpFileOps::Handle &SftpFileOps::handleOf(sftp_client_message_struct *msg)
{
    if (msg->handle && ssh_string_len(msg->handle) == sizeof(quint32)) {
        quint32 id = 0;
        memcpy(&id, ssh_string_data(msg->handle), sizeof(id));
        const auto it = m_handles.find(id);
        if (it != m_handles.end())
            return *it->second;
    }
    throw SftpFailure(SSH_FX_INVALID_HANDLE, "Invalid handle");
}

int SftpFileOps::replyHandle(sftp_client_message_struct *msg, std::unique_ptr<Handle> h)
{
    if (m_handles.size() >= size_t(kMaxHandles))
        throw SftpFailure(SSH_FX_FAILURE, "Too many open handles");
    while (m_nextHandle == 0 || m_handles.count(m_nextHandle))
        ++m_nextHandle;
    const quint32 id = m_nextHandle++;
    ssh_string s = ssh_string_new(sizeof(id));
    if (!s)
        return -1;
    ssh_string_fill(s, &id, sizeof(id));
    m_handles.emplace(id, std::move(h));
    const int rc = sftp_reply_handle(msg, s);
    ssh_string_free(s);
    return rc;
}

int SftpFileOps::open(sftp_client_message_struct *msg)
{
    const PathParts path = pathOf(msg);
    auto h = std::make_unique<Handle>();
    const uint32_t flags = msg->flags;
    if (flags & (SSH_FXF_WRITE | SSH_FXF_APPEND)) {
        std::optional<mode_t> mode;
        if (msg->attr && (msg->attr->flags & SSH_FILEXFER_ATTR_PERMISSIONS))
            mode = mode_t(msg->attr->permissions & 0777);
        h->write = std::make_unique<SftpWriteFile>(*m_sandbox, m_quota, m_volumeId, path, flags, mode);
    } else {
        h->fd = m_sandbox->openRegular(path);
    }
    return replyHandle(msg, std::move(h));
}

int SftpFileOps::read(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    if (h.dir || (h.write && !h.write->readable()))
        throw SftpFailure(SSH_FX_FAILURE, "Handle is not open for reading");
    const size_t len = std::min<size_t>(msg->len, kMaxRead);
    ssize_t n;
    do
        n = pread(h.fileFd(), m_buffer.data(), len, off_t(msg->offset));
    while (n < 0 && errno == EINTR);
    if (n < 0)
        throw SftpFailure::fromErrno(errno);
    if (n == 0)
        return sftp_reply_status(msg, SSH_FX_EOF, "End of file");
    m_read += quint64(n);
    return sftp_reply_data(msg, m_buffer.data(), int(n));
}

int SftpFileOps::write(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    if (!h.write)
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Handle is not open for writing");
    const qint64 size = msg->data ? qint64(ssh_string_len(msg->data)) : 0;
    h.write->write(msg->offset, static_cast<const char *>(ssh_string_data(msg->data)), size);
    m_written += quint64(size);
    return replyOk(msg);
}

int SftpFileOps::close(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    quint32 id = 0;
    memcpy(&id, ssh_string_data(msg->handle), sizeof(id));
    std::unique_ptr<Handle> owned = std::move(m_handles.at(id));
    m_handles.erase(id);
    if (owned->write)
        owned->write->close();
    (void)h;
    return replyOk(msg);
}

int SftpFileOps::stat(sftp_client_message_struct *msg, bool follow)
{
    const UniqueFd fd = m_sandbox->resolve(pathOf(msg), follow);
    return replyAttr(msg, statOf(fd.get()));
}

int SftpFileOps::fstat(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    return replyAttr(msg, statOf(h.dir ? dirfd(h.dir) : h.fileFd()));
}

namespace {
// chmod and times on an open descriptor; chown is refused unless it changes nothing.
void applyAttributes(int fd, const struct stat &st, const sftp_attributes_struct &a)
{
    if ((a.flags & SSH_FILEXFER_ATTR_UIDGID) && (a.uid != st.st_uid || a.gid != st.st_gid))
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Changing the owner is not allowed");
    if ((a.flags & SSH_FILEXFER_ATTR_PERMISSIONS) && fchmod(fd, a.permissions & 0777) != 0)
        throw SftpFailure::fromErrno(errno);
    if (a.flags & SSH_FILEXFER_ATTR_ACMODTIME) {
        const struct timespec times[2] = {{time_t(a.atime), 0}, {time_t(a.mtime), 0}};
        if (futimens(fd, times) != 0)
            throw SftpFailure::fromErrno(errno);
    }
}
} // namespace

int SftpFileOps::setstat(sftp_client_message_struct *msg)
{
    if (!msg->attr)
        throw SftpFailure(SSH_FX_BAD_MESSAGE, "Missing attributes");
    const PathParts path = pathOf(msg);
    if (msg->attr->flags & SSH_FILEXFER_ATTR_SIZE) {
        SftpWriteFile file(*m_sandbox, m_quota, m_volumeId, path, SSH_FXF_WRITE, std::nullopt);
        file.truncate(msg->attr->size);
        file.close();
    }
    const UniqueFd at = m_sandbox->resolve(path, true);
    const struct stat st = statOf(at.get());
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Not a regular file or directory");
    const UniqueFd fd = Sandbox::reopen(at.get(), S_ISDIR(st.st_mode) ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (!fd.valid())
        throw SftpFailure::fromErrno(errno);
    applyAttributes(fd.get(), st, *msg->attr);
    return replyOk(msg);
}

int SftpFileOps::fsetstat(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    if (!msg->attr)
        throw SftpFailure(SSH_FX_BAD_MESSAGE, "Missing attributes");
    if (msg->attr->flags & SSH_FILEXFER_ATTR_SIZE) {
        if (!h.write)
            throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Handle is not open for writing");
        h.write->truncate(msg->attr->size);
    }
    const int fd = h.dir ? dirfd(h.dir) : h.fileFd();
    applyAttributes(fd, statOf(fd), *msg->attr);
    return replyOk(msg);
}

int SftpFileOps::opendir(sftp_client_message_struct *msg)
{
    UniqueFd fd = m_sandbox->openDirectory(pathOf(msg));
    auto h = std::make_unique<Handle>();
    h->dir = fdopendir(fd.get());
    if (!h->dir)
        throw SftpFailure::fromErrno(errno);
    fd.release(); // the DIR owns it now
    return replyHandle(msg, std::move(h));
}

int SftpFileOps::readdir(sftp_client_message_struct *msg)
{
    Handle &h = handleOf(msg);
    if (!h.dir)
        throw SftpFailure(SSH_FX_FAILURE, "Not a directory handle");
    int count = 0;
    while (!h.dirDone && count < kDirBatch) {
        errno = 0;
        const dirent *e = ::readdir(h.dir);
        if (!e) {
            h.dirDone = true;
            break;
        }
        struct stat st
        {
        };
        if (fstatat(dirfd(h.dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone meanwhile
        const QByteArray name(e->d_name);
        sftp_attributes_struct a = attrs::fromStat(st);
        if (sftp_reply_names_add(msg, name.constData(), attrs::longName(name, st).constData(), &a) < 0)
            return -1;
        ++count;
    }
    if (count == 0)
        return sftp_reply_status(msg, SSH_FX_EOF, "End of directory");
    return sftp_reply_names(msg);
}

int SftpFileOps::remove(sftp_client_message_struct *msg)
{
    const PathParts path = pathOf(msg);
    if (path.isEmpty())
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "The volume root cannot be removed");
    volumes::QuotaTracker::WriteScope scope(m_quota, m_volumeId);
    const Sandbox::Leaf leaf = m_sandbox->leaf(path);
    struct stat st
    {
    };
    if (fstatat(leaf.dir.get(), leaf.name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throw SftpFailure::fromErrno(errno);
    if (S_ISDIR(st.st_mode))
        throw SftpFailure(SSH_FX_FAILURE, "Is a directory");
    if (unlinkat(leaf.dir.get(), leaf.name.constData(), 0) != 0)
        throw SftpFailure::fromErrno(errno);
    if (S_ISREG(st.st_mode) && st.st_nlink == 1)
        m_quota.add(m_volumeId, -qint64(st.st_size));
    return replyOk(msg);
}

int SftpFileOps::mkdir(sftp_client_message_struct *msg)
{
    const PathParts path = pathOf(msg);
    if (path.isEmpty())
        throw SftpFailure(SSH_FX_FAILURE, "Already exists");
    const Sandbox::Leaf leaf = m_sandbox->leaf(path);
    mode_t mode = 0755;
    if (msg->attr && (msg->attr->flags & SSH_FILEXFER_ATTR_PERMISSIONS))
        mode = msg->attr->permissions & 0777;
    if (mkdirat(leaf.dir.get(), leaf.name.constData(), mode) != 0)
        throw SftpFailure::fromErrno(errno);
    return replyOk(msg);
}

int SftpFileOps::rmdir(sftp_client_message_struct *msg)
{
    const PathParts path = pathOf(msg);
    if (path.isEmpty())
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "The volume root cannot be removed");
    const Sandbox::Leaf leaf = m_sandbox->leaf(path);
    if (unlinkat(leaf.dir.get(), leaf.name.constData(), AT_REMOVEDIR) != 0)
        throw SftpFailure::fromErrno(errno);
    return replyOk(msg);
}

int SftpFileOps::realpath(sftp_client_message_struct *msg)
{
    const QByteArray shown = paths::show(paths::parse(fileName(msg), true));
    sftp_attributes_struct a{};
    return sftp_reply_name(msg, shown.constData(), &a);
}

int SftpFileOps::rename(sftp_client_message_struct *msg)
{
    const PathParts from = pathOf(msg);
    const char *target = sftp_client_message_get_data(msg);
    const PathParts to = paths::parse(QByteArray(target ? target : ""));
    if (from.isEmpty() || to.isEmpty())
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "The volume root cannot be renamed");
    volumes::QuotaTracker::WriteScope scope(m_quota, m_volumeId);
    const Sandbox::Leaf src = m_sandbox->leaf(from);
    const Sandbox::Leaf dst = m_sandbox->leaf(to);
    struct stat old
    {
    };
    const bool replaces = fstatat(dst.dir.get(), dst.name.constData(), &old, AT_SYMLINK_NOFOLLOW) == 0;
    // Overwrites like posix-rename: OpenSSH's `rename` expects it, and the old name is never left half done.
    if (renameat(src.dir.get(), src.name.constData(), dst.dir.get(), dst.name.constData()) != 0)
        throw SftpFailure::fromErrno(errno);
    if (replaces && S_ISREG(old.st_mode) && old.st_nlink == 1)
        m_quota.add(m_volumeId, -qint64(old.st_size));
    return replyOk(msg);
}

int SftpFileOps::readlink(sftp_client_message_struct *msg)
{
    const UniqueFd fd = m_sandbox->resolve(pathOf(msg), false);
    char target[PATH_MAX];
    const ssize_t n = readlinkat(fd.get(), "", target, sizeof(target) - 1);
    if (n < 0)
        throw SftpFailure(SSH_FX_FAILURE, "Not a symbolic link");
    target[n] = 0;
    sftp_attributes_struct a{};
    return sftp_reply_name(msg, target, &a);
}

int SftpFileOps::extended(sftp_client_message_struct *msg)
{
    const QByteArray name(msg->submessage ? msg->submessage : "");
    if (name == "posix-rename@openssh.com")
        return rename(msg);
    if (name == "statvfs@openssh.com")
        return statvfs(msg);
    if (name == "hardlink@openssh.com")
        throw SftpFailure(SSH_FX_PERMISSION_DENIED, "Hard links are not allowed");
    throw SftpFailure(SSH_FX_OP_UNSUPPORTED, "Extension not supported");
}

// `df` in OpenSSH's sftp. A volume with a quota is a disk of the quota's size with what is left of it
// free (never more than the real disk has); one without shows the disk it lives on.
int SftpFileOps::statvfs(sftp_client_message_struct *msg)
{
    QByteArray path;
    if (!extendedArgument(msg, path))
        throw SftpFailure(SSH_FX_BAD_MESSAGE, "statvfs@openssh.com: no path");
    const UniqueFd fd = m_sandbox->resolve(paths::parse(path), true);
    struct statvfs st
    {
    };
    if (::fstatvfs(fd.get(), &st) != 0)
        throw SftpFailure::fromErrno(errno);
    VfsFigures v;
    v.bsize = st.f_bsize;
    v.frsize = st.f_frsize ? st.f_frsize : st.f_bsize;
    v.blocks = st.f_blocks;
    v.bfree = st.f_bfree;
    v.bavail = st.f_bavail;
    v.files = st.f_files;
    v.ffree = st.f_ffree;
    v.favail = st.f_favail;
    v.fsid = st.f_fsid;
    v.flag = st.f_flag & (ST_RDONLY | ST_NOSUID);
    v.namemax = st.f_namemax;
    if (const auto limit = m_quota.limitBytes(m_volumeId); limit && v.frsize > 0) {
        const qint64 left = std::max<qint64>(0, *limit - m_quota.usedBytes(m_volumeId));
        v.blocks = quint64(*limit) / v.frsize;
        v.bfree = std::min<quint64>(quint64(left) / v.frsize, st.f_bfree);
        v.bavail = std::min<quint64>(quint64(left) / v.frsize, st.f_bavail);
    }
    return replyStatvfs(msg, v);
}
} // namespace lightd::sftp
