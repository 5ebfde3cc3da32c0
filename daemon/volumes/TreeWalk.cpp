#include "volumes/TreeWalk.h"

#include "volumes/TreeOps.h"
#include "volumes/UniqueFd.h"

#include <QByteArrayList>
#include <fcntl.h>
#include <vector>

namespace lightd::volumes::tree {
namespace {
constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

struct Level
{
    UniqueFd fd; // closed while more than kOpenLevels levels lie below it
    struct stat st
    {
    };
    QByteArray name; // in the parent
    QByteArrayList names;
    qsizetype next = 0;
};

bool sameInode(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}
} // namespace

bool Walker::run(int dirFd) const
{
    std::vector<Level> stack;
    {
        Level root;
        root.fd = UniqueFd(openat(dirFd, ".", kDirFlags));
        if (!root.fd.valid() || fstat(root.fd.get(), &root.st) != 0)
            return false;
        root.names = entries(root.fd.get());
        stack.push_back(std::move(root));
    }
    while (!stack.empty()) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        Level &top = stack.back();
        if (top.next < top.names.size()) {
            const QByteArray name = top.names[top.next++];
            struct stat st
            {
            };
            if (fstatat(top.fd.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue; // vanished meanwhile
            if (!entry(top.fd.get(), name, st) || !S_ISDIR(st.st_mode))
                continue;
            Level sub;
            sub.fd = UniqueFd(openat(top.fd.get(), name.constData(), kDirFlags));
            if (!sub.fd.valid() || fstat(sub.fd.get(), &sub.st) != 0) {
                if (leave)
                    leave(top.fd.get(), name, st); // swapped for a link or file meanwhile
                continue;
            }
            sub.name = name;
            sub.names = entries(sub.fd.get());
            stack.push_back(std::move(sub));
            if (stack.size() > size_t(kOpenLevels))
                stack[stack.size() - 1 - size_t(kOpenLevels)].fd.reset();
            continue;
        }
        if (stack.size() == 1)
            return true;
        Level done = std::move(stack.back());
        stack.pop_back();
        Level &parent = stack.back();
        if (!parent.fd.valid()) {
            parent.fd = UniqueFd(openat(done.fd.get(), "..", kDirFlags));
            struct stat now
            {
            };
            if (!parent.fd.valid() || fstat(parent.fd.get(), &now) != 0 || !sameInode(now, parent.st))
                return false;
        }
        const struct stat st = done.st;
        done.fd.reset();
        if (leave)
            leave(parent.fd.get(), done.name, st);
    }
    return true;
}
} // namespace lightd::volumes::tree
