#include "api/FileController.h"

#include "http/JsonFields.h"
#include "lightd/DomainError.h"
#include "lightd/ErrorCodes.h"
#include "lightd/Keys.h"
#include "metrics/Counters.h"
#include "volumes/ArchiveCompressor.h"
#include "volumes/ArchiveExtractor.h"
#include "volumes/DownloadStage.h"
#include "volumes/FileManager.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"
#include "volumes/UploadSink.h"
#include "volumes/VolumesLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QThreadPool>
#include <QUrl>
#include <cmath>

namespace lightd::api {
using namespace http;
using volumes::PathParts;
namespace paths = volumes::paths;

namespace {
constexpr double kMiB = 1024.0 * 1024.0;

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

// PUT files/content: the HTTP body fed into the volume's UploadSink, its answer made here.
class UploadBody final : public BodySink
{
  public:
    explicit UploadBody(std::unique_ptr<volumes::UploadSink> sink) : m_sink(std::move(sink)) {}
    void write(const char *data, qint64 size) override { m_sink->write(data, size); }
    HttpResponse finish() override
    {
        const auto stored = m_sink->finish();
        return HttpResponse::json(200,
                                  QJsonObject{{keys::Message, QStringLiteral("File uploaded successfully")},
                                              {keys::Path, stored.path},
                                              {keys::Size, stored.size}});
    }
    void abort() override { m_sink->abort(); }

  private:
    std::unique_ptr<volumes::UploadSink> m_sink;
};

PathParts bodyPath(const QJsonObject &o, QLatin1StringView key)
{
    return paths::parse(fields::requireString(o, key));
}

// `size` (the upstream docs' key, MB) and `size_mb` are one field; both at once is ambiguous.
QLatin1StringView sizeKey(const QJsonObject &o)
{
    if (o.contains(keys::Size) && o.contains(keys::SizeMb))
        fields::invalid(keys::Size, QStringLiteral("and 'size_mb' are the same field: give one"));
    return o.contains(keys::Size) ? keys::Size : keys::SizeMb;
}

PathParts queryPath(const HttpRequest &req, bool required)
{
    if (required && !req.query.hasQueryItem(QStringLiteral("path")))
        throw DomainError(codes::MissingField, QStringLiteral("Query parameter 'path' is required"));
    return paths::parse(req.queryValue(QStringLiteral("path")));
}

// Content-Disposition that survives any file name: a sanitized ASCII fallback plus RFC 5987 UTF-8.
QByteArray attachmentHeader(const QByteArray &name)
{
    QByteArray ascii;
    for (const char c : name)
        ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? c : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" +
           QUrl::toPercentEncoding(QString::fromUtf8(name));
}

QString defaultArchiveName(volumes::ArchiveFormat f)
{
    return QStringLiteral("archive-%1.%2")
        .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
             volumes::archiveExtension(f));
}
} // namespace

struct FileController::Impl
{
    volumes::VolumeRegistry &registry;
    qint64 uploadLimit;
    volumes::DownloadStage downloads;
    QThreadPool archives; // compress/decompress: blocking libarchive work, off the event loop

    Impl(volumes::VolumeRegistry &r, const Config &config)
        : registry(r), uploadLimit(qint64(config.files.uploadLimitMb) * 1024 * 1024), downloads(r.root())
    {
        archives.setMaxThreadCount(2);
    }
    ~Impl() { archives.waitForDone(); }

    VolumeDto volume(const HttpRequest &req) const { return registry.get(req.param(QStringLiteral("id"))); }
    volumes::FileManager files(const VolumeDto &v) const
    {
        return volumes::FileManager(registry.sandbox(v.volumeId), registry.quota(), v.volumeId);
    }

    // Runs job on the archive pool and answers from the main thread (the Responder's home).
    void runAsync(Responder responder, std::function<HttpResponse()> job)
    {
        archives.start([responder, job = std::move(job)] {
            std::optional<HttpResponse> ok;
            std::optional<DomainError> error;
            try {
                ok = job();
            } catch (const DomainError &e) {
                error = e;
            } catch (const std::exception &e) {
                qCWarning(lcVolumes) << "archive job failed:" << e.what();
                error = DomainError::internal();
            }
            QMetaObject::invokeMethod(
                qApp,
                [responder, ok, error] {
                    if (ok)
                        responder.send(*ok);
                    else
                        responder.fail(*error);
                },
                Qt::QueuedConnection);
        });
    }
};

FileController::FileController(volumes::VolumeRegistry &registry, const Config &config)
    : d(std::make_unique<Impl>(registry, config))
{}

FileController::~FileController() = default;

HttpResponse FileController::list(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    const PathParts dir = queryPath(req, false);
    QJsonArray files;
    for (const auto &e : d->files(v).list(dir))
        files.append(e.toJson());
    return HttpResponse::json(200, QJsonObject{{keys::Path, paths::join(dir)}, {keys::Files, files}});
}

HttpResponse FileController::read(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    const PathParts path = queryPath(req, true);
    volumes::FileManager::OpenFile f = d->files(v).openForRead(path);
    // The HTTP layer opens a path later; give it one that names this very inode (see DownloadStage).
    HttpResponse r = HttpResponse::file(200, f.mimetype, d->downloads.stage(f.fd.get()), f.size);
    metrics::Counters::add(metrics::counters().fileBytesDown, quint64(f.size));
    const QString dl = req.queryValue(QStringLiteral("download"));
    if (!dl.isEmpty() && dl != QLatin1StringView("0") && dl != QLatin1StringView("false"))
        r.headers.append({QByteArrayLiteral("Content-Disposition"), attachmentHeader(f.name)});
    return r;
}

HttpResponse FileController::write(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Path, keys::Content});
    return writeFile(req, o, keys::Path);
}

HttpResponse FileController::writeAlias(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Filename, keys::Content});
    return writeFile(req, o, keys::Filename);
}

HttpResponse FileController::writeFile(const HttpRequest &req, const QJsonObject &o,
                                       QLatin1StringView pathKey)
{
    const VolumeDto v = d->volume(req);
    const PathParts path = bodyPath(o, pathKey);
    const auto content = o.value(keys::Content);
    if (!content.isString() && !content.isUndefined() && !content.isNull())
        fields::invalid(keys::Content, QStringLiteral("must be a string"));
    const QByteArray bytes = content.toString().toUtf8();
    d->files(v).write(path, bytes);
    metrics::Counters::add(metrics::counters().fileBytesUp, quint64(bytes.size()));
    return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("File written successfully")},
                                               {keys::Path, paths::join(path)}});
}

std::unique_ptr<BodySink> FileController::upload(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    const PathParts path = queryPath(req, true);
    const auto sandbox = d->registry.sandbox(v.volumeId);
    bool known = false;
    const qint64 length = req.header("content-length").trimmed().toLongLong(&known);
    return std::make_unique<UploadBody>(std::make_unique<volumes::UploadSink>(
        *sandbox, d->registry.quota(), v.volumeId, path, d->uploadLimit, known ? length : -1));
}

HttpResponse FileController::remove(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    d->files(v).remove(queryPath(req, true));
    return HttpResponse::message(200, QStringLiteral("Deleted"));
}

HttpResponse FileController::mkdir(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Path});
    return makeFolder(req, bodyPath(o, keys::Path));
}

HttpResponse FileController::createFolderAlias(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Root, keys::Name});
    // The earlier daemon's clients name the volume root "/"; any other absolute root stays refused.
    QString root = fields::optionalString(o, keys::Root).value_or(QString());
    if (root == QLatin1StringView("/"))
        root.clear();
    PathParts path = paths::parse(root);
    const PathParts name = bodyPath(o, keys::Name);
    path.append(name);
    return makeFolder(req, path);
}

HttpResponse FileController::makeFolder(const HttpRequest &req, const PathParts &path)
{
    const VolumeDto v = d->volume(req);
    d->files(v).makeDirectory(path);
    return HttpResponse::json(
        201, QJsonObject{{keys::Message, QStringLiteral("Folder created")}, {keys::Path, paths::join(path)}});
}

HttpResponse FileController::copy(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Source, keys::Destination});
    const VolumeDto v = d->volume(req);
    const PathParts src = bodyPath(o, keys::Source);
    const PathParts dst = bodyPath(o, keys::Destination);
    d->files(v).copy(src, dst);
    return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Copied successfully")},
                                               {keys::Source, paths::join(src)},
                                               {keys::Destination, paths::join(dst)}});
}

HttpResponse FileController::rename(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Source, keys::Destination});
    const VolumeDto v = d->volume(req);
    const PathParts src = bodyPath(o, keys::Source);
    const PathParts dst = bodyPath(o, keys::Destination);
    d->files(v).rename(src, dst);
    return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Renamed successfully")},
                                               {keys::Source, paths::join(src)},
                                               {keys::Destination, paths::join(dst)}});
}

HttpResponse FileController::chmod(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::Path, keys::Mode});
    const VolumeDto v = d->volume(req);
    const PathParts path = bodyPath(o, keys::Path);
    const mode_t mode = volumes::FileManager::parseMode(fields::requireString(o, keys::Mode));
    d->files(v).chmod(path, mode);
    return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Permissions changed")},
                                               {keys::Path, paths::join(path)},
                                               {keys::Mode, volumes::FileManager::modeString(mode)}});
}

void FileController::compress(const HttpRequest &req, Responder responder)
{
    const QJsonObject o = req.jsonBody();
    // {"paths","format","output_name"} (API.md section 4) or the earlier daemon's
    // {"sources","output","format"} (section 12); no paths at all: the whole volume (upstream docs).
    fields::allowOnly(o, {keys::Paths, keys::Sources, keys::Format, keys::OutputName, keys::Output});
    const VolumeDto v = d->volume(req);
    const QLatin1StringView pathsKey = o.contains(keys::Sources) ? keys::Sources : keys::Paths;
    const QLatin1StringView outputKey = o.contains(keys::Output) ? keys::Output : keys::OutputName;
    if (o.contains(keys::Sources) && o.contains(keys::Paths))
        fields::invalid(keys::Sources, QStringLiteral("and 'paths' are the same field: give one"));
    if (o.contains(keys::Output) && o.contains(keys::OutputName))
        fields::invalid(keys::Output, QStringLiteral("and 'output_name' are the same field: give one"));
    QList<PathParts> inputs;
    if (const auto list = fields::optionalArray(o, pathsKey)) {
        if (list->isEmpty())
            fields::invalid(pathsKey, QStringLiteral("must not be empty"));
        for (const auto &p : *list) {
            if (!p.isString())
                fields::invalid(pathsKey, QStringLiteral("must be an array of strings"));
            inputs.append(paths::parse(p.toString()));
        }
    } else {
        inputs.append(PathParts{});
    }
    const QString formatText = fields::optionalString(o, keys::Format).value_or(QStringLiteral("tar.gz"));
    const auto format = volumes::parseArchiveFormat(formatText);
    if (!format)
        fields::invalid(keys::Format, QStringLiteral("must be one of zip, tar, tar.gz, tar.bz2"));
    const auto outputName = fields::optionalString(o, outputKey);
    PathParts output =
        paths::parse(outputName && !outputName->isEmpty() ? *outputName : defaultArchiveName(*format));
    if (output.isEmpty())
        fields::invalid(outputKey, QStringLiteral("must name a file"));
    if (!output.last().contains('.')) // "backup" -> "backup.tar.gz", as the upstream docs show
        output.last() += '.' + volumes::archiveExtension(*format).toUtf8();
    auto sandbox = d->registry.sandbox(v.volumeId);
    auto *quota = &d->registry.quota();
    d->runAsync(responder, [sandbox, quota, id = v.volumeId, inputs, fmt = *format, output] {
        const qint64 size = volumes::compressPaths(*sandbox, *quota, id, inputs, fmt, output);
        return HttpResponse::json(200, QJsonObject{{keys::Message, QStringLiteral("Compressed successfully")},
                                                   {keys::ArchivePath, paths::join(output)},
                                                   {keys::Size, size}});
    });
}

void FileController::decompress(const HttpRequest &req, Responder responder)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::ArchivePath, keys::Destination});
    const VolumeDto v = d->volume(req);
    const PathParts archive = bodyPath(o, keys::ArchivePath);
    const auto destText = fields::optionalString(o, keys::Destination);
    // Default: beside the archive.
    const PathParts destination = destText ? paths::parse(*destText) : archive.mid(0, archive.size() - 1);
    auto sandbox = d->registry.sandbox(v.volumeId);
    auto *quota = &d->registry.quota();
    d->runAsync(responder, [sandbox, quota, id = v.volumeId, archive, destination] {
        volumes::extractArchive(*sandbox, *quota, id, archive, destination);
        return HttpResponse::json(200,
                                  QJsonObject{{keys::Message, QStringLiteral("Decompressed successfully")},
                                              {keys::Destination, paths::join(destination)}});
    });
}

HttpResponse FileController::quota(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    const qint64 used = d->registry.quota().usedBytes(v.volumeId);
    QJsonObject out{{keys::UsedMb, round2(double(used) / kMiB)}};
    if (v.quotaMb && *v.quotaMb > 0) {
        const double limit = double(*v.quotaMb) * kMiB;
        out.insert(keys::SizeMb, *v.quotaMb);
        out.insert(keys::AvailableMb, round2(std::max(0.0, limit - double(used)) / kMiB));
        out.insert(keys::PercentageUsed, round2(double(used) * 100.0 / limit));
    } else {
        out.insert(keys::SizeMb, QJsonValue::Null);
        out.insert(keys::AvailableMb, QJsonValue::Null);
        out.insert(keys::PercentageUsed, 0);
    }
    return HttpResponse::json(200, out);
}

HttpResponse FileController::resize(const HttpRequest &req)
{
    const QJsonObject o = req.jsonBody();
    fields::allowOnly(o, {keys::SizeMb, keys::Size});
    const VolumeDto v = d->volume(req);
    const auto key = sizeKey(o); // `size` (upstream docs) is the same key as `size_mb`
    std::optional<qint64> sizeMb;
    if (!o.contains(key))
        fields::requireInt(o, keys::SizeMb, 1, qint64(1) << 30); // throws: missing
    if (!o.value(key).isNull())                                  // null removes the quota
        sizeMb = fields::requireInt(o, key, 1, qint64(1) << 30);
    d->registry.setQuota(v.volumeId, sizeMb);
    return HttpResponse::json(
        200, QJsonObject{{keys::Message, QStringLiteral("Volume resized")},
                         {keys::VolumeId, v.volumeId},
                         {keys::Id, v.volumeId},
                         {keys::SizeMb, sizeMb ? QJsonValue(*sizeMb) : QJsonValue(QJsonValue::Null)}});
}

HttpResponse FileController::listDetailed(const HttpRequest &req)
{
    const VolumeDto v = d->volume(req);
    const PathParts dir = queryPath(req, false);
    QJsonArray files;
    for (const auto &e : d->files(v).list(dir)) {
        const bool isDir = e.type == QLatin1StringView("directory");
        const bool isLink = e.type == QLatin1StringView("symlink");
        const uint bits = e.mode.toUInt(nullptr, 8) & 0777;
        QString symbolic = isDir ? QStringLiteral("d") : isLink ? QStringLiteral("l") : QStringLiteral("-");
        for (int shift = 6; shift >= 0; shift -= 3) {
            symbolic += (bits >> shift) & 4 ? QLatin1Char('r') : QLatin1Char('-');
            symbolic += (bits >> shift) & 2 ? QLatin1Char('w') : QLatin1Char('-');
            symbolic += (bits >> shift) & 1 ? QLatin1Char('x') : QLatin1Char('-');
        }
        files.append(QJsonObject{
            {QStringLiteral("object"), QStringLiteral("file_object")},
            {QStringLiteral("attributes"),
             QJsonObject{
                 {keys::Name, e.name},
                 {keys::Mode, symbolic},
                 {QStringLiteral("mode_bits"), QStringLiteral("%1").arg(bits, 3, 8, QLatin1Char('0'))},
                 {keys::Size, e.size},
                 {QStringLiteral("is_file"), e.type == QLatin1StringView("file")},
                 {QStringLiteral("is_symlink"), isLink},
                 {QStringLiteral("mimetype"), e.mimetype},
                 // Linux keeps no portable creation time: the modification time stands in.
                 {QStringLiteral("created_at"), e.modifiedAt},
                 {QStringLiteral("modified_at"), e.modifiedAt}}}});
    }
    return HttpResponse::json(200, QJsonObject{{keys::Files, files}});
}
} // namespace lightd::api
