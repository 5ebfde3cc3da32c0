// Client paths (REST, archives, SFTP all take them) through the path rules and the one sandbox, in a
// tree with every kind of link a tenant can make: whatever the path, what it resolves to is inside
// the volume, with both resolvers (openat2 and the descriptor walk).
#include "FuzzInput.h"
#include "volumes/PathRules.h"
#include "volumes/Sandbox.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <unistd.h>

using namespace lightd::volumes;

namespace {
struct Tree
{
    QTemporaryDir dir;
    QString root;
    Tree()
    {
        root = dir.path() + QStringLiteral("/volume");
        QDir().mkpath(root + QStringLiteral("/a/b"));
        QDir().mkpath(dir.path() + QStringLiteral("/secret"));
        QFile f(root + QStringLiteral("/a/file"));
        f.open(QIODevice::WriteOnly);
        const auto link = [&](const char *target, const char *name) {
            FUZZ_CHECK(
                ::symlink(target, (root + QLatin1Char('/') + QLatin1StringView(name)).toUtf8().constData()) ==
                0);
        };
        link("/", "abs");
        link("../secret", "up");
        link("../../secret", "a/up2");
        link("b/../..", "a/climb");
        link("loop", "loop");
        link("a/b", "in");
        link("a/file", "file");
    }
};

bool insideRoot(int fd, const QString &root)
{
    char buf[4096];
    const QByteArray proc = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(proc.constData(), buf, sizeof buf - 1);
    FUZZ_CHECK(n > 0);
    const QString where = QString::fromUtf8(buf, n);
    return where == root || where.startsWith(root + QLatin1Char('/'));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Tree tree;
    static const Sandbox automatic(tree.root, Sandbox::Resolver::Auto);
    static const Sandbox walk(tree.root, Sandbox::Resolver::Walk);
    const QString path = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    PathParts parts;
    try {
        parts = paths::parse(path);
    } catch (...) {
        return 0;
    }
    for (const QByteArray &c : parts)
        FUZZ_CHECK(!c.isEmpty() && c != "." && c != ".." && !c.contains('/') && c.size() <= paths::kMaxName);
    for (const Sandbox *sandbox : {&automatic, &walk}) {
        for (bool followLast : {true, false}) {
            try {
                const UniqueFd fd = sandbox->resolve(parts, followLast);
                if (fd.get() >= 0)
                    FUZZ_CHECK(insideRoot(fd.get(), tree.root));
            } catch (...) {
            }
        }
        try {
            const Sandbox::Leaf leaf = sandbox->leaf(parts, false, true);
            if (leaf.dir.get() >= 0)
                FUZZ_CHECK(insideRoot(leaf.dir.get(), tree.root));
        } catch (...) {
        }
    }
    PathParts target = paths::splitTarget(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (paths::normalizeWithin(target))
        for (const QByteArray &c : target)
            FUZZ_CHECK(c != ".." && c != ".");
    return 0;
}
