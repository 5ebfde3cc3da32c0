#pragma once
#include "lightd/ApiResult.h"
#include "lightd/SftpDto.h"

#include <QGroupBox>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lightd::gui {
class NodeConnection;
class SftpKeysModel;
class SftpPasswordDialog;
class TableView;

// The SFTP box of a container (API.md section 9): where and as whom to log in, a copyable
// sftp:// URL, a generated password shown once, and the public keys that may log in.
class SftpPanel final : public QGroupBox
{
    Q_OBJECT
  public:
    explicit SftpPanel(QWidget *parent = nullptr);

    void open(NodeConnection *connection, const QString &internalId);
    void clear();

    QString host() const { return m_info.host; }
    int port() const { return m_info.port; }
    QString username() const { return m_info.username; }
    // sftp://user@host:port, empty until the container has a login.
    QString url() const;
    QString statusText() const;
    bool isConfigured() const { return m_configured; }
    SftpKeysModel *keysModel() const { return m_keys; }
    TableView *keysView() const { return m_view; }
    QPushButton *generateButton() const { return m_generate; }
    QPushButton *copyUrlButton() const { return m_copyUrl; }

  public Q_SLOTS:
    void refresh();
    void generatePassword();
    // Reads an OpenSSH public key file (its first key line) and adds it.
    void addKeyFromFile(const QString &path);
    void removeKeys(const QStringList &fingerprints);

  Q_SIGNALS:
    // The one time a password is seen; the dialog is open (non-modal) and deletes itself on close.
    void passwordGenerated(lightd::gui::SftpPasswordDialog *dialog);
    // A load or an action finished (tests wait on it); error empty when it worked.
    void changed();

  private:
    void showInfo(const ApiResult<SftpInfoDto> &r);
    void loadKeys();
    void setStatus(const QString &text, bool error = false);
    void chooseKeyFile();
    void updateButtons();
    template <typename T, typename F> auto guarded(F f);

    QPointer<NodeConnection> m_connection;
    QString m_id;
    SftpInfoDto m_info;
    bool m_configured = false;
    bool m_available = false;
    quint64 m_generation = 0;
    QLabel *m_host;
    QLabel *m_port;
    QLabel *m_user;
    QLineEdit *m_url;
    QPushButton *m_copyUrl;
    QPushButton *m_generate;
    QLabel *m_status;
    SftpKeysModel *m_keys;
    TableView *m_view;
    QPushButton *m_addKey;
    QPushButton *m_removeKey;
};
} // namespace lightd::gui
