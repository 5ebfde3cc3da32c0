#pragma once
// What the crash-consistency test believes the daemon holds, built only from answers it received.
// Every fact is a set of allowed values: one value once the daemon acknowledged (2xx) or refused
// (4xx) a change, two (old and new) while a change was in flight when the daemon was killed. After
// the restart each fact is checked against what the daemon and the disk hold, then narrowed to it.
#include <QByteArray>
#include <QCryptographicHash>
#include <QMap>
#include <QSet>
#include <QString>

namespace lightd::test::crash {
// A fact's values: content hashes for files, "y" for present things, "" for absent ones.
using Fact = QSet<QByteArray>;
inline const QByteArray kAbsent;
inline const QByteArray kPresent = QByteArrayLiteral("y");

inline QByteArray hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha1).toHex();
}

inline bool certain(const Fact &f)
{
    return f.size() == 1;
}
inline bool certainly(const Fact &f, const QByteArray &value)
{
    return f.size() == 1 && f.contains(value);
}

// An unacknowledged rename: afterwards exactly one of the two names holds the content.
struct RenamePair
{
    QString volume;
    QString source;
    QString destination;
    QByteArray hash;
};

struct Volume
{
    QString path; // host directory
    Fact exists{kPresent};
    Fact quotaMb;
    QMap<QString, Fact> files;     // relative path -> content hash or absent
    QMap<QString, QString> copyOf; // destination -> source of an unacknowledged copy
    QSet<QString> folders;         // acknowledged folders
    bool forContainers = false;    // holds container data: no file operations on it
};

struct Token
{
    QByteArray secret;
    Fact live{kPresent};
    bool usedOnce = false; // authenticated with after the restart that followed its creation
};

struct Container
{
    Fact exists{kPresent};
    int port = 0;
    QString lastState; // as seen after the last restart
};

struct Model
{
    QMap<QString, Volume> volumes;
    int unackedVolumeCreates = 0;
    QMap<QString, Token> tokens;
    int unackedTokenCreates = 0;
    QMap<int, Fact> ports; // pool ports the workload adds and removes (not the containers')
    QMap<QString, Container> containers;
    QList<RenamePair> renames;
};
} // namespace lightd::test::crash
