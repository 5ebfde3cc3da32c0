#pragma once
#include <QByteArray>
#include <QByteArrayList>
#include <QString>
#include <atomic>
#include <sys/types.h>

namespace lightd::volumes::tree {
// Copies and archives recurse with one descriptor per level and refuse trees deeper than this (400);
// sizing, the quota walk and removal use the iterative Walker (TreeWalk.h) and reach any depth.
inline constexpr int kMaxDepth = 128;

// Names in a directory (without . and ..), read through a descriptor.
QByteArrayList entries(int dirFd);
// Bytes of regular files under (dirFd, name), hardlinks counted once, links not followed.
qint64 sizeOf(int dirFd, const QByteArray &name, const QString &shown);
// Usage of a whole volume for the quota walk, at any depth: never throws, -1 when cancelled or the
// tree kept moving under the walk; does not cross into other filesystems.
qint64 usage(int rootFd, const std::atomic<bool> *cancel = nullptr);
// Removes a file, link or tree; links are removed, never followed. Returns regular bytes freed.
qint64 remove(int dirFd, const QByteArray &name, const QString &shown);
// Copies a file, link (as a link) or tree to a name that must not exist yet; fifos and devices are
// skipped. Returns the regular bytes written.
qint64 copy(int srcDir, const QByteArray &srcName, int dstDir, const QByteArray &dstName,
            const QString &shown);
// Copies all bytes between descriptors (copy_file_range, falling back to read/write).
qint64 copyData(int in, int out, const QString &shown);
// Writes all of data or throws (the errno mapped, e.g. 507 disk_full).
void writeAll(int fd, const char *data, qint64 size, const QString &shown);
} // namespace lightd::volumes::tree
