#include "app/ScreenshotRunner.h"

#include "MainWindow.h"
#include "app/ClipCheck.h"
#include "app/GuiLog.h"
#include "dialogs/AddPortsDialog.h"
#include "dialogs/CreateContainerDialog.h"
#include "dialogs/CreateTokenDialog.h"
#include "dialogs/CreateVolumeDialog.h"
#include "dialogs/NodeDialog.h"
#include "dialogs/RebindDialog.h"
#include "dialogs/ReinstallDialog.h"
#include "dialogs/ResourcesDialog.h"
#include "dialogs/StartupDialog.h"
#include "dialogs/TextEditorDialog.h"
#include "models/ContainersModel.h"
#include "models/FilesModel.h"
#include "models/PortsModel.h"
#include "models/VolumesModel.h"
#include "nodes/NodeConnection.h"
#include "pages/ContainerDetailPage.h"
#include "pages/ContainersPage.h"
#include "pages/FilesPage.h"
#include "pages/PortsPage.h"
#include "pages/VolumesPage.h"
#include "widgets/TableView.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QTabWidget>
#include <QTimer>

namespace lightd::gui {
ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &dir, Set set, QObject *parent)
    : QObject(parent), m_window(window), m_dir(dir)
{
    QDir().mkpath(dir);
    auto page = [this](PageId id) { return [this, id] { m_window->showPage(m_window->currentNode(), id); }; };
    auto pause = [] {}; // one more step interval for live data to arrive
    auto tab = [this](int index) {
        return [this, index] {
            if (auto *tabs = m_window->detailPage()->findChild<QTabWidget *>())
                tabs->setCurrentIndex(index);
        };
    };
    // Runs the step again (one interval later, at most 10 times) until ready() holds.
    auto until = [this](std::function<bool()> ready) {
        return [this, ready] {
            if (!ready() && m_retries++ < 10)
                --m_index;
            else
                m_retries = 0;
        };
    };
    if (set == Set::EmptyNode) {
        m_steps = {
            page(PageId::Containers),
            until([this] { return m_window->containersPage()->isShowingEmptyState(); }),
            [this] { shoot(QStringLiteral("00-containers-empty")); },
        };
        return;
    }
    m_steps = {
        page(PageId::Containers),
        [this] { shoot(QStringLiteral("01-containers")); },
        [this] {
            // The busiest running container makes the better picture: the first running one, by name.
            const ContainersModel *model = m_window->containersPage()->model();
            QString id;
            for (const auto &c : model->rows())
                if (c.installState == QLatin1StringView("running") && (id.isEmpty() || c.internalId < id))
                    id = c.internalId;
            if (id.isEmpty() && model->rowCount() > 0)
                id = model->row(0).internalId;
            if (!id.isEmpty())
                Q_EMIT m_window->containersPage()->openRequested(id);
        },
        pause,
        pause,
        pause,
        [this] { shoot(QStringLiteral("08-container-console")); },
        tab(1),
        pause,
        [this] { shoot(QStringLiteral("09-container-charts")); },
        tab(2),
        [this] { shoot(QStringLiteral("10-container-details")); },
        [this] {
            ContainerDetailPage *detail = m_window->detailPage();
            connect(
                detail, &ContainerDetailPage::resourcesDialogOpened, this,
                [this](ResourcesDialog *dialog) { m_dialog = dialog; }, Qt::SingleShotConnection);
            detail->openResourcesDialog();
        },
        [this] {
            if (m_dialog) {
                shoot(QStringLiteral("11-resources-dialog"), m_dialog);
                m_dialog->close();
            }
        },
        [this] { m_dialog = m_window->detailPage()->openRebindDialog(); },
        [this] {
            if (m_dialog) {
                shoot(QStringLiteral("12-rebind-dialog"), m_dialog);
                m_dialog->close();
            }
            m_dialog = m_window->detailPage()->openReinstallDialog();
        },
        [this] {
            if (m_dialog) {
                shoot(QStringLiteral("13-reinstall-dialog"), m_dialog);
                m_dialog->close();
            }
            auto *startup = m_window->detailPage()->openStartupDialog();
            // A console line for the pattern tester: the picture shows what the field is for.
            if (startup && !startup->patternField()->text().isEmpty())
                startup->sampleField()->setText(
                    QStringLiteral("[12:00:03] INFO Done (3.512s)! For help, type \"help\""));
            m_dialog = startup;
        },
        [this] {
            if (m_dialog) {
                shoot(QStringLiteral("14-startup-dialog"), m_dialog);
                m_dialog->close();
            }
        },
        tab(0),
        page(PageId::Tokens),
        [this] { shoot(QStringLiteral("15-tokens")); },
        [this] {
            CreateTokenDialog dialog(m_window);
            QStringList ids;
            for (const auto &c : m_window->containersPage()->model()->rows())
                ids << c.internalId;
            ids.sort();
            dialog.setContainers(ids);
            dialog.show();
            QApplication::processEvents();
            shoot(QStringLiteral("16-create-token-dialog"), &dialog);
        },
        page(PageId::Ports),
        [this] {
            m_window->portsPage()->view()->selectRow(1);
            shoot(QStringLiteral("02-ports"));
        },
        page(PageId::Volumes),
        [this] {
            m_window->volumesPage()->view()->selectRow(0);
            shoot(QStringLiteral("03-volumes"));
        },
        [this] {
            auto *volumes = m_window->volumesPage()->model();
            // The volume with files in it makes the better picture.
            QString id;
            qint64 most = -1;
            for (const auto &v : volumes->rows())
                if (v.usedBytes > most) {
                    most = v.usedBytes;
                    id = v.volumeId;
                }
            if (!id.isEmpty())
                Q_EMIT m_window->volumesPage()->browseRequested(id);
        },
        [this] { shoot(QStringLiteral("04-files")); },
        [this] { m_window->filesPage()->editFile(QStringLiteral("server.properties")); },
        [this] {
            if (auto *editor = m_window->filesPage()->findChild<TextEditorDialog *>()) {
                editor->showFind();
                editor->findField()->setText(QStringLiteral("e"));
                shoot(QStringLiteral("18-editor-find"), editor);
                editor->close();
            }
        },
        page(PageId::Billing),
        [this] { shoot(QStringLiteral("05-billing")); },
        page(PageId::Events),
        [this] { shoot(QStringLiteral("17-events")); },
        [this] { m_window->showAllNodes(); },
        [this] { shoot(QStringLiteral("19-all-nodes")); },
        [this] {
            CreateVolumeDialog dialog(m_window);
            dialog.show();
            QApplication::processEvents();
            shoot(QStringLiteral("20-create-volume-dialog"), &dialog);
        },
        [this] {
            AddPortsDialog dialog(AddPortsDialog::Mode::Range, m_window);
            dialog.show();
            QApplication::processEvents();
            shoot(QStringLiteral("06-add-ports-dialog"), &dialog);
        },
        [this] {
            CreateContainerDialog dialog(m_window);
            dialog.setVolumes(m_window->volumesPage()->model()->rows());
            dialog.setPorts(m_window->portsPage()->model()->rows());
            dialog.show();
            QApplication::processEvents();
            shoot(QStringLiteral("07-create-container-dialog"), &dialog);
        },
    };
}

void ScreenshotRunner::start()
{
    // Wait for the node to connect (at most 15 s) so the pages show data, not "Connecting…".
    NodeConnection *node = m_window->currentNode();
    if (node && !node->isConnected() && m_waitedMs < 15000) {
        m_waitedMs += 250;
        QTimer::singleShot(250, this, &ScreenshotRunner::start);
        return;
    }
    QTimer::singleShot(1500, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::next()
{
    if (m_index >= m_steps.size()) {
        qCInfo(lcGui) << "screenshots saved to" << m_dir;
        QApplication::quit();
        return;
    }
    m_steps.at(m_index++)();
    QTimer::singleShot(1200, this, &ScreenshotRunner::next);
}

void ScreenshotRunner::shoot(const QString &name, QWidget *widget)
{
    QApplication::processEvents(); // pending layouts first: the picture shows what the user sees
    QWidget *target = widget ? widget : static_cast<QWidget *>(m_window);

    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!target->grab().save(path))
        qCWarning(lcGui) << "could not save" << path;
    // tests/gui/screenshots.sh fails on any line of clipped.txt.
    const QStringList clipped = clippedWidgets(target);
    if (clipped.isEmpty())
        return;
    QFile report(QDir(m_dir).filePath(QStringLiteral("clipped.txt")));
    if (report.open(QIODevice::Append | QIODevice::Text))
        for (const QString &line : clipped)
            report.write((name + QStringLiteral(": ") + line + u'\n').toUtf8());
}
} // namespace lightd::gui
