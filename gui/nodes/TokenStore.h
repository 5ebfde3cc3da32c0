#pragma once
#include <QObject>
#include <QString>
#include <functional>

namespace lightd::gui {
// Keeps node tokens out of the plain config: the system keychain (QtKeychain) when a secret service
// is reachable, QSettings otherwise, with a warning in the log saying so.
class TokenStore final : public QObject
{
    Q_OBJECT
  public:
    enum class Backend { Keychain, Settings };

    explicit TokenStore(Backend backend = defaultBackend(), QObject *parent = nullptr);

    // Settings when there is no D-Bus session (headless CI) or LIGHTD_GUI_NO_KEYCHAIN is set.
    static Backend defaultBackend();
    Backend backend() const { return m_backend; }

    void read(const QString &nodeId, std::function<void(const QString &token)> done);
    void write(const QString &nodeId, const QString &token);
    void remove(const QString &nodeId);

  private:
    void useSettingsFallback(const QString &why);
    static QString settingsKey(const QString &nodeId);

    Backend m_backend;
};
} // namespace lightd::gui
