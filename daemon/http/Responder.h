#pragma once
#include "http/HttpResponse.h"
#include "lightd/DomainError.h"

#include <memory>

namespace lightd::http {
class ResponseChannel;

// The answer slot of one request, for handlers that answer later (Docker calls, worker threads).
// Copyable; the first send() wins. If the client has gone, sending is a no-op: nothing ever touches
// a dead socket (the QFuture crash of QHttpServer 6.4).
class Responder
{
  public:
    struct State;
    explicit Responder(std::shared_ptr<State> state) : d(std::move(state)) {}

    void send(const HttpResponse &response) const;
    void fail(const DomainError &error) const;
    bool isOpen() const;

  private:
    std::shared_ptr<State> d;
};
} // namespace lightd::http
