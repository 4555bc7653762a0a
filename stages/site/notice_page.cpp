// Notices: the short pages about a reader's subscription. The site renders "check your inbox"
// (where a sign-up lands); `pipeline serve` renders the others as it answers (confirmed, the
// unsubscribe button, unsubscribed, and every error), from the same template.
#include "stages/site/pages.hpp"

namespace tv::site {

Data notice_page(const Index& ix, const Notice& n) {
  Data d;
  d.set("page", page_meta(ix, n.title, n.paragraphs.empty() ? n.heading : n.paragraphs.front(), n.url, true, ""));
  d.set("heading", n.heading);
  Data paragraphs(Data::type::list);
  for (const auto& p : n.paragraphs) {
    Data item;
    item.set("text", p);
    paragraphs.push_back(item);
  }
  d.set("paragraphs", paragraphs);
  d.set("has_form", !n.form_action.empty());
  Data form;
  form.set("action", n.form_action);
  form.set("email", n.form_email);
  form.set("token", n.form_token);
  form.set("button", n.form_button);
  d.set("form", form);
  return d;
}

Notice check_inbox_notice() {
  Notice n;
  n.title = "Check your inbox";
  n.heading = "Check your inbox";
  n.paragraphs = {"If the address can receive the Weekly AI Tool Verdicts, a message with a confirmation link is on "
                  "its way to it. Follow the link to start receiving the digest.",
                  "Nothing arrived after a few minutes? Look in the spam folder, or sign up again: the link expires "
                  "after a few days."};
  n.url = kCheckInboxUrl;
  return n;
}

Index notice_index(const std::string& title, const std::string& base_url) {
  Index ix;
  ix.title = title;
  ix.base_url = base_url;
  ix.subscribe_url = "/subscribe";
  ix.site.set("title", ix.title);
  ix.site.set("base_url", ix.base_url);
  ix.site.set("subscribe_url", ix.subscribe_url);
  ix.nav = Data(Data::type::list);
  return ix;
}

}  // namespace tv::site
