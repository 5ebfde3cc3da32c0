#include "dialogs/StartupDialog.h"

#include "dialogs/ContainerForm.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

namespace lightd::gui {
namespace {
QString stripAnsi(QString line)
{
    // The daemon matches console lines without their escape codes (ContainerRuntime); so does the preview.
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b[@-Z\\\\-_]"));
    return line.remove(ansi);
}

void setFlag(QLabel *label, const char *name, bool on)
{
    if (label->property(name).toBool() == on)
        return;
    label->setProperty(name, on);
    label->style()->unpolish(label);
    label->style()->polish(label);
}
} // namespace

StartupDialog::StartupDialog(const QString &internalId, const QString &command,
                             const std::optional<QString> &pattern, QWidget *parent)
    : QDialog(parent), m_savedCommand(command), m_savedPattern(pattern),
      m_command(new QPlainTextEdit(command, this)),
      m_pattern(new QLineEdit(pattern.value_or(QString()), this)), m_sample(new QLineEdit(this)),
      m_sampleResult(new QLabel(this)), m_message(new QLabel(this))
{
    setWindowTitle(tr("Startup of %1").arg(internalId));
    setMinimumWidth(580);
    resize(620, 0); // as short as the layout allows; the command field takes any height added later
    auto *layout = new QVBoxLayout(this);
    auto *hint =
        new QLabel(tr("The command runs with /bin/sh in /home/container, the volume. Changes apply the next "
                      "time the container starts; a running server is not restarted."),
                   this);
    hint->setObjectName(QStringLiteral("dialogHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *form = new QFormLayout;
    m_command->setObjectName(QStringLiteral("startupCommand"));
    m_command->setFont(mono);
    m_command->setTabChangesFocus(true);
    m_command->setPlaceholderText(tr("e.g. java -Xmx2G -jar server.jar nogui"));
    m_command->setMinimumHeight(QFontMetrics(mono).lineSpacing() * 5 + 12); // grows with the dialog
    form->addRow(tr("Startup command"), m_command);
    m_pattern->setObjectName(QStringLiteral("startPattern"));
    m_pattern->setFont(mono);
    m_pattern->setPlaceholderText(tr("none: running as soon as it starts"));
    m_pattern->setToolTip(
        tr("A regular expression. The container counts as running once a console line matches it."));
    form->addRow(tr("Start pattern"), m_pattern);
    layout->addLayout(form, 1);

    auto *tryBox = new QGroupBox(tr("Try the pattern"), this);
    auto *tryLayout = new QVBoxLayout(tryBox);
    m_sample->setObjectName(QStringLiteral("sampleLine"));
    m_sample->setFont(mono);
    m_sample->setPlaceholderText(tr("Paste a line of the server's console"));
    tryLayout->addWidget(m_sample);
    m_sampleResult->setObjectName(QStringLiteral("dialogHint"));
    m_sampleResult->setWordWrap(true);
    tryLayout->addWidget(m_sampleResult);
    layout->addWidget(tryBox);

    m_message->setObjectName(QStringLiteral("dialogHint"));
    m_message->setProperty("error", true);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setText(tr("Save"));
    m_save->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_busy && problems().isEmpty() && hasChanges()) {
            m_failure.clear();
            validate();
            Q_EMIT saveRequested();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto edited = [this] {
        m_failure.clear(); // the operator is fixing what was refused
        validate();
        updateSample();
    };
    connect(m_command, &QPlainTextEdit::textChanged, this, edited);
    connect(m_pattern, &QLineEdit::textChanged, this, edited);
    connect(m_sample, &QLineEdit::textChanged, this, &StartupDialog::updateSample);
    validate();
    updateSample();
}

std::optional<QString> StartupDialog::commandChange() const
{
    // Sent as typed: the node runs the command verbatim, so no trimming.
    const QString command = m_command->toPlainText();
    if (command == m_savedCommand)
        return std::nullopt;
    return command;
}

std::optional<QString> StartupDialog::pattern() const
{
    const QString text = m_pattern->text();
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

bool StartupDialog::patternChanged() const
{
    // The node stores an empty pattern as none.
    const auto saved = m_savedPattern && !m_savedPattern->isEmpty() ? m_savedPattern : std::nullopt;
    return pattern() != saved;
}

QStringList StartupDialog::problems() const
{
    QStringList list;
    for (const QString &p :
         {startupCommandProblem(m_command->toPlainText()), startPatternProblem(m_pattern->text())})
        if (!p.isEmpty())
            list << p;
    return list;
}

void StartupDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_command->setReadOnly(busy);
    m_pattern->setReadOnly(busy);
    m_save->setText(busy ? tr("Saving…") : tr("Save"));
    validate();
}

void StartupDialog::markCommandSaved()
{
    m_savedCommand = m_command->toPlainText();
    validate();
}

void StartupDialog::showFailure(const QString &message)
{
    m_failure = message;
    setBusy(false);
    validate();
}

QString StartupDialog::message() const
{
    return m_message->text();
}

void StartupDialog::validate()
{
    const QStringList list = problems();
    const QString text = list.isEmpty() ? m_failure : list.join(u'\n');
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_save->setEnabled(!m_busy && list.isEmpty() && hasChanges());
}

void StartupDialog::updateSample()
{
    const QString pattern = m_pattern->text();
    const QString sample = m_sample->text();
    m_sample->setEnabled(!pattern.isEmpty());
    bool matched = false;
    if (pattern.isEmpty()) {
        m_sampleResult->setText(
            tr("Without a pattern the container counts as running as soon as it starts."));
    } else if (const QRegularExpression re(pattern); !re.isValid()) {
        m_sampleResult->setText(tr("Fix the pattern to try it."));
    } else if (sample.isEmpty()) {
        m_sampleResult->setText(tr("The pattern may match anywhere in a line; colour codes are ignored."));
    } else if (re.match(stripAnsi(sample)).hasMatch()) {
        matched = true;
        m_sampleResult->setText(tr("✓ Matches: this line marks the container as running."));
    } else {
        m_sampleResult->setText(tr("✗ No match: the container would still be starting after this line."));
    }
    setFlag(m_sampleResult, "match", matched);
}
} // namespace lightd::gui
