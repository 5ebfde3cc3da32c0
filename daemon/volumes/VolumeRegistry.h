#pragma once
#include "lightd/VolumeDto.h"
#include "storage/Repositories.h"

#include <QMap>
#include <QObject>
#include <memory>

namespace lightd::volumes {
class QuotaTracker;
class Sandbox;

// The registry of volumes: one directory per volume under storage.volumes_path, one row in SQLite.
// Files inside a volume are the Sandbox's business, not this class's.
class VolumeRegistry final : public QObject
{
    Q_OBJECT
  public:
    VolumeRegistry(storage::Database &db, const QString &volumesPath, QObject *parent = nullptr);

    VolumeDto create(std::optional<qint64> quotaMb);
    QList<VolumeDto> list() const { return m_volumes.values(); }
    // Exact id, or a unique prefix of at least 8 characters (the seeds' walkthrough uses one).
    VolumeDto get(const QString &idOrPrefix) const;
    bool contains(const QString &id) const { return m_volumes.contains(id); }
    void remove(const QString &idOrPrefix);
    void setQuota(const QString &id, std::optional<qint64> quotaMb);
    void setUsedBytes(const QString &id, qint64 used);
    const QString &root() const { return m_root; }

    // The sandbox every client path of the volume goes through (a fresh root descriptor each call).
    std::shared_ptr<Sandbox> sandbox(const QString &id) const;
    // Usage accounting of every registered volume; its quotaExceeded is forwarded below.
    QuotaTracker &quota() const { return *m_quota; }

  Q_SIGNALS:
    // A volume is over its quota (noticed by the periodic walk): stop the containers using it.
    void quotaExceeded(const QString &volumeId);

  private:
    storage::VolumeRepository m_repo;
    storage::ContainerRepository m_containers;
    QString m_root;
    QMap<QString, VolumeDto> m_volumes;
    QuotaTracker *m_quota = nullptr;
};
} // namespace lightd::volumes
