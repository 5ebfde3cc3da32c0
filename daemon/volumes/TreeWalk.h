#pragma once
#include <QByteArray>
#include <atomic>
#include <functional>
#include <sys/stat.h>

namespace lightd::volumes::tree {
// A depth-first walk of everything beneath a directory descriptor, with no recursion and no depth
// limit: a container can nest directories as deep as it likes, and the quota walk and deletes must
// still see every byte. At most kOpenLevels descriptors are held; an ancestor closed on the way down
// is reopened through ".." on the way up and must be the same inode, else the tree moved under the
// walk and it stops (false). Links are never followed.
struct Walker
{
    static constexpr int kOpenLevels = 64;

    // Called for each entry (dirFd holds it). Return true to descend into a directory.
    std::function<bool(int dirFd, const QByteArray &name, const struct stat &st)> entry;
    // Called after a descended directory's children (or when it could not be opened), with the
    // descriptor of the directory holding it.
    std::function<void(int parentFd, const QByteArray &name, const struct stat &st)> leave;
    const std::atomic<bool> *cancel = nullptr;

    // false: cancelled, or the tree was moved during the walk.
    bool run(int dirFd) const;
};
} // namespace lightd::volumes::tree
