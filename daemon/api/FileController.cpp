#include "api/FileController.h"

#include "http/ApiError.h"
#include "lightd/ErrorCodes.h"

namespace lightd::api {
using namespace http;

struct FileController::Impl
{
};

namespace {
[[noreturn]] void notYet()
{
    throw ApiError(501, codes::Internal, QStringLiteral("File operations are not available yet"));
}
} // namespace

FileController::FileController(volumes::VolumeRegistry &, const Config &) : d(std::make_unique<Impl>()) {}
FileController::~FileController() = default;
HttpResponse FileController::list(const HttpRequest &) { notYet(); }
HttpResponse FileController::read(const HttpRequest &) { notYet(); }
HttpResponse FileController::write(const HttpRequest &) { notYet(); }
std::unique_ptr<BodySink> FileController::upload(const HttpRequest &) { notYet(); }
HttpResponse FileController::remove(const HttpRequest &) { notYet(); }
HttpResponse FileController::mkdir(const HttpRequest &) { notYet(); }
HttpResponse FileController::copy(const HttpRequest &) { notYet(); }
HttpResponse FileController::rename(const HttpRequest &) { notYet(); }
HttpResponse FileController::chmod(const HttpRequest &) { notYet(); }
void FileController::compress(const HttpRequest &, Responder r) { r.fail(ApiError(501, codes::Internal, QStringLiteral("File operations are not available yet"))); }
void FileController::decompress(const HttpRequest &, Responder r) { r.fail(ApiError(501, codes::Internal, QStringLiteral("File operations are not available yet"))); }
HttpResponse FileController::quota(const HttpRequest &) { notYet(); }
HttpResponse FileController::resize(const HttpRequest &) { notYet(); }
} // namespace lightd::api
