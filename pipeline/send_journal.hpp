// SendJournal: the per-message half of the digest ledger (stages/digest/ledger.hpp). Each
// change of a reader's state during a send is appended to a small file with one write(2),
// never fsync'ed: a killed process cannot lose it (the kernel has it), and it costs one
// system call where an SQLite transaction costs a dozen. Every 32 readers the send moves the
// journal's changes into the state store in one fsync'ed transaction and empties the file.
//
// At the start of the next send, replay() returns what an interrupted send had journalled
// (with the boot id it was written under) so it can be applied to the store before anything
// else; a torn last line (the machine stopped mid-write) is ignored. The file holds only
// reader keys (valid addresses: no tabs or line breaks), statuses and one-line details.
//
// Throws std::runtime_error naming the file when it cannot be opened, written or emptied.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "stages/digest/ledger.hpp"

namespace tv {

class SendJournal {
 public:
  // Opens (creating) `file`, emptied, under the current `boot` id.
  SendJournal(std::filesystem::path file, std::string boot);
  ~SendJournal();
  SendJournal(const SendJournal&) = delete;
  SendJournal& operator=(const SendJournal&) = delete;

  // Appends the updates with one write(2).
  void append(const std::vector<digest::SendUpdate>& updates);
  // Empties the file (its changes are in the store now).
  void clear();

  struct Replay {
    std::string boot;                          // the boot the journal was written under
    std::vector<digest::SendUpdate> updates;   // in the order written
  };
  // What `file` holds; empty when there is no such file.
  static Replay replay(const std::filesystem::path& file);

 private:
  void write_all(const std::string& bytes);
  std::filesystem::path file_;
  std::string boot_;
  int fd_ = -1;
};

}  // namespace tv
