#pragma once
#include <QList>
#include <QStringList>

namespace lightd::storage {
// One entry per schema version, applied in order, each in its own transaction. Never edit a
// released entry: add a new one.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &migrations();
} // namespace lightd::storage
