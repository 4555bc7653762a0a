// Inbox: the folder editors and the scraper drop files into, and where files go next.
//
// Life of a file:  inbox/NAME ──claim──▶ inbox/.processing/SEQ~NAME ──┬─▶ archive/YYYY/MM/DD/HASH-NAME
//                                                                     └─▶ rejected/NAME + NAME.reason.txt
// Claiming is one rename(2) inside the inbox's own file system, so it is atomic: a file is
// either waiting or claimed, never half of each. A run that dies leaves its claimed files in
// .processing, and the next run takes them up first. Moves to the archive or the rejected
// folder fall back to copy + fsync + unlink when those live on another file system. Nothing
// here ever deletes an input; the only unlink is of a source whose copy is already durable.
//
// Left for the next run: dotfiles (editors' work files, .README) and files changed in the
// last `min_age_seconds` (a copy may still be in progress). Things that are not regular
// files (folders, symlinks, pipes) are claimed like files, so the caller can move them aside
// with a reason; they are never opened.
//
// Errors: file-system failures throw std::filesystem::filesystem_error (the driver reports
// them and fails the run; claimed files stay in .processing for the next run).
#pragma once
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace tv::ingest {

struct InboxDirs {
  std::filesystem::path inbox;
  std::filesystem::path archive;
  std::filesystem::path rejected;
  std::filesystem::path processing() const { return inbox / ".processing"; }
};

struct Claimed {
  std::filesystem::path path;   // where the file is now, inside .processing
  std::string name;             // the name it had in the inbox
  bool regular = true;          // false: a folder, symlink, pipe...; never to be opened
};

struct Waiting {
  int ready = 0;     // files a run would claim now
  int too_new = 0;   // changed within min_age_seconds: left for the next run
  int claimed = 0;   // in .processing: a run is working on them or one died
  int dotfiles = 0;  // names starting with '.' (our .processing aside): never claimed, by design
};

class Inbox {
 public:
  Inbox(InboxDirs dirs, std::chrono::seconds min_age);

  // Files a run claimed and did not finish (it died), to be taken up again. Sorted by name.
  std::vector<Claimed> unfinished() const;

  // Claims every ready file, in name order. `now` decides which files are too new.
  std::vector<Claimed> claim_ready(std::filesystem::file_time_type now);

  // Counts what is waiting, without claiming anything.
  Waiting count(std::filesystem::file_time_type now) const;

  // Where a claimed file will go in the archive (named by day and hash; not yet used).
  // Known before the move so the store can record it first.
  std::filesystem::path archive_path(const Claimed& file, const std::string& sha256,
                                     std::chrono::system_clock::time_point when) const;
  // Moves a claimed file to `to` (from archive_path). If `to` was taken meanwhile, a free
  // name beside it is used; returns the path used.
  std::filesystem::path file_away(const Claimed& file, const std::filesystem::path& to);

  // Where a claimed file will be moved aside: a name in the rejected folder that neither a
  // file nor its reason file (NAME.reason.txt) holds yet (an earlier file may be named like
  // this one's reason file), and that `promised` does not hold either (the paths and reason
  // files already given to other files of the same batch). Known before the move so the
  // store can record it first.
  std::filesystem::path reject_path(const Claimed& file, const std::set<std::filesystem::path>& promised) const;
  // Writes `reason` to `to` + ".reason.txt" (replacing one that a killed run left there),
  // then moves the file to `to` (from reject_path; a free name beside it if `to` was taken
  // meanwhile). Returns the path used.
  std::filesystem::path reject(const Claimed& file, const std::filesystem::path& to, const std::string& reason);

  // Makes the moves since the last call durable: one fsync per folder they went to. Until
  // then a power cut may undo a move (the file is back in .processing, and the next run
  // finishes it from its recorded claim), so callers sync once per batch, not per file.
  void sync();

  const InboxDirs& dirs() const { return dirs_; }

 private:
  bool ready(const std::filesystem::directory_entry& e, std::filesystem::file_time_type now) const;
  InboxDirs dirs_;
  std::chrono::seconds min_age_;
  unsigned seq_ = 0;
  std::set<std::filesystem::path> unsynced_;  // folders renamed into since the last sync()
};

// A file name that is safe to create and to show: control characters, invalid UTF-8 and
// path separators become '_', and it is cut to 180 bytes. Never empty.
std::string safe_file_name(const std::string& name);

}  // namespace tv::ingest
