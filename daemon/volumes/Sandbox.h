#pragma once
#include "volumes/PathRules.h"
#include "volumes/UniqueFd.h"

#include <QString>
#include <functional>
#include <sys/stat.h>

namespace lightd::volumes {
// Every client path of one volume goes through here (REST now, SFTP later). Paths resolve beneath
// the root without ever following a symlink out of it: openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS)
// when the kernel has it, else a component-by-component O_NOFOLLOW walk that expands in-volume
// symlinks itself. Callers then act on the descriptors (openat/mkdirat/unlinkat/renameat relative to
// a resolved parent), so swapping a directory for a symlink after the check redirects nothing.
// Thread-safe: the only state is the root descriptor.
class Sandbox final
{
  public:
    enum class Resolver { Auto, Walk };
    explicit Sandbox(const QString &rootPath, Resolver resolver = Resolver::Auto);

    const QString &rootPath() const { return m_rootPath; }
    int rootFd() const { return m_root.get(); }
    bool usesOpenat2() const { return m_openat2; }

    // O_PATH descriptor of the named object. followLast=false yields a final symlink itself.
    UniqueFd resolve(const PathParts &parts, bool followLast = true) const;
    // Like resolve but must be a directory (400 not_a_directory otherwise).
    UniqueFd resolveDirectory(const PathParts &parts) const;

    // The directory holding the last component (O_PATH) and the component's name, for *at calls.
    // createParents: missing directories are made (mkdir -p). followLast: a final in-volume symlink
    // is replaced by its target, so writes go through links the way a shell would.
    struct Leaf
    {
        UniqueFd dir;
        QByteArray name;
    };
    Leaf leaf(const PathParts &parts, bool createParents = false, bool followLast = false) const;
    UniqueFd makeDirectories(const PathParts &parts) const;

    // Readable descriptors; neither ever opens a fifo or a device.
    UniqueFd openDirectory(const PathParts &parts) const;
    UniqueFd openRegular(const PathParts &parts, struct stat *st = nullptr) const;

    // Where a descriptor inside the volume really is, as components below the root (for checks
    // that must see through in-volume symlinks, e.g. where an archive's link would point).
    PathParts physicalParts(int fd) const;

    // A real descriptor for an O_PATH one (same inode, no path lookup that could be raced).
    static UniqueFd reopen(int pathFd, int flags);
    static bool kernelHasOpenat2();

    // Test-only: called between resolution steps ("walk"), after a path is resolved ("resolved") and
    // after a leaf's parent is resolved ("leaf"), i.e. right before use, so tests can swap
    // directories for symlinks at the worst moment.
    using TestHook = std::function<void(const char *stage)>;
    static void setTestHook(TestHook hook);

  private:
    UniqueFd resolveAt(const PathParts &parts, bool followLast, const QString &shown) const;
    UniqueFd walk(const PathParts &parts, bool followLast, const QString &shown) const;

    QString m_rootPath;
    UniqueFd m_root;
    bool m_openat2 = false;
};
} // namespace lightd::volumes
