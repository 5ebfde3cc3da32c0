#include "sftp/SftpAttributes.h"

#include <ctime>

namespace lightd::sftp::attrs {
sftp_attributes_struct fromStat(const struct stat &st)
{
    sftp_attributes_struct a{};
    a.flags = SSH_FILEXFER_ATTR_SIZE | SSH_FILEXFER_ATTR_UIDGID | SSH_FILEXFER_ATTR_PERMISSIONS |
              SSH_FILEXFER_ATTR_ACMODTIME;
    a.size = quint64(st.st_size);
    a.uid = st.st_uid;
    a.gid = st.st_gid;
    a.permissions = st.st_mode;
    a.atime = quint32(st.st_atime);
    a.mtime = quint32(st.st_mtime);
    a.atime64 = quint64(st.st_atime);
    a.mtime64 = quint64(st.st_mtime);
    return a;
}

QByteArray longName(const QByteArray &name, const struct stat &st)
{
    char perms[11] = "----------";
    const mode_t m = st.st_mode;
    perms[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISREG(m) ? '-' : S_ISFIFO(m) ? 'p' : '?';
    const char *rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; ++i)
        if (m & (0400 >> i))
            perms[i + 1] = rwx[i];
    char when[32] = "";
    struct tm tm
    {
    };
    const time_t t = st.st_mtime;
    if (gmtime_r(&t, &tm))
        strftime(when, sizeof(when), "%b %e %H:%M", &tm);
    char line[128];
    snprintf(line, sizeof(line), "%s %3lu %-8u %-8u %8lld %s ", perms, (unsigned long)st.st_nlink,
             unsigned(st.st_uid), unsigned(st.st_gid), (long long)st.st_size, when);
    return QByteArray(line) + name;
}
} // namespace lightd::sftp::attrs
