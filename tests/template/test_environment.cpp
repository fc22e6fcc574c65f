// Environment: files, caching, errors with positions and chains, strict
// mode, recursion limits, path safety and concurrent rendering.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "template/environment.hpp"

namespace fs = std::filesystem;
using hyoka::tmpl::Environment;
using hyoka::tmpl::Options;
using hyoka::tmpl::TemplateError;
using Json = nlohmann::ordered_json;

namespace {

// A throw-away template folder for one test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("hyoka-tmpl-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + "-" +
                                        std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST_CASE("render_file: includes, extends and autoescape by extension") {
  TempDir d;
  d.write("base.html", "<h1>{% block title %}{% endblock %}</h1>{% include 'part.txt' %}");
  d.write("part.txt", "{{ '<raw>' }}");
  d.write("page.html", "{% extends 'base.html' %}{% block title %}{{ t }}{% endblock %}");
  Environment env(d.path);
  CHECK(env.render_file("page.html", Json{{"t", "<政策>"}}) == "<h1>&lt;政策&gt;</h1><raw>");
  CHECK(env.render_file("./page.html", Json{{"t", "x"}}) == "<h1>x</h1><raw>");
}

TEST_CASE("several roots: the first that has a file wins, file by file (a site over the defaults)") {
  TempDir site, defaults;
  defaults.write("base.html", "<main>{% block body %}{% endblock %}</main>{% include 'footer.html' %}");
  defaults.write("footer.html", "<footer>default</footer>");
  defaults.write("page.html", "{% extends 'base.html' %}{% block body %}default page{% endblock %}");
  site.write("footer.html", "<footer>city</footer>");
  Environment env(std::vector<fs::path>{site.path, defaults.path});
  // page.html and base.html from the defaults, the footer they include from the site.
  CHECK(env.render_file("page.html", Json::object()) == "<main>default page</main><footer>city</footer>");
  site.write("page.html", "{% extends 'base.html' %}{% block body %}city page{% endblock %}");
  Environment fresh(std::vector<fs::path>{site.path, defaults.path});
  CHECK(fresh.render_file("page.html", Json::object()) == "<main>city page</main><footer>city</footer>");
  CHECK(error_of([&] { fresh.render_file("none.html", Json::object()); }).find("template not found: none.html") !=
        std::string::npos);
  CHECK_THROWS_AS(fresh.render_file("../" + defaults.path.filename().string() + "/page.html", Json::object()),
                  TemplateError);
}

TEST_CASE("templates outside the root are refused") {
  TempDir d;
  d.write("sub/a.txt", "{% include '../../secret.txt' %}");
  d.write("b.txt", "{% include '/etc/passwd' %}");
  Environment env(d.path / "sub");
  CHECK_THROWS_AS(env.render_file("a.txt", Json::object()), TemplateError);
  CHECK_THROWS_AS(env.render_file("../b.txt", Json::object()), TemplateError);
  Environment env2(d.path);
  // "/etc/passwd" is a name under the root, as in Jinja2's FileSystemLoader.
  CHECK_THROWS_AS(env2.render_file("b.txt", Json::object()), TemplateError);
}

TEST_CASE("missing template error names the template") {
  Environment env(".");
  std::string msg = error_of([&] { env.render_file("nope.html", Json::object()); });
  CHECK(msg.find("nope.html") != std::string::npos);
}

TEST_CASE("errors carry file:line:col and the include chain") {
  TempDir d;
  d.write("page.html", "line1\n  {% include 'inner.html' %}");
  d.write("inner.html", "a\nb {{ 1 // 0 }}");
  Environment env(d.path);
  try {
    env.render_file("page.html", Json::object());
    FAIL("expected error");
  } catch (const TemplateError& e) {
    CHECK(e.file == "inner.html");
    CHECK(e.line == 2);
    std::string msg = e.what();
    CHECK(msg.find("inner.html:2:") == 0);
    CHECK(msg.find("included from page.html:2:6") != std::string::npos);
  }
}

TEST_CASE("syntax error in an included template names that template") {
  TempDir d;
  d.write("page.html", "{% include 'bad.html' %}");
  d.write("bad.html", "\n\n{{ x|grde }}");
  Environment env(d.path);
  std::string msg = error_of([&] { env.render_file("page.html", Json::object()); });
  CHECK(msg.find("bad.html:3:6: unknown filter 'grde'") == 0);
  CHECK(msg.find("loaded from page.html:1:4") != std::string::npos);
}

TEST_CASE("strict mode names template, line and variable") {
  TempDir d;
  d.write("p.html", "ok\n{{ user.name }} {{ missing }}");
  Environment lax(d.path);
  CHECK_THROWS_AS(lax.render_file("p.html", Json::object()), TemplateError);  // attribute of undefined
  CHECK(lax.render_file("p.html", Json{{"user", {{"name", "n"}}}}) == "ok\nn ");
  Environment env(d.path, Options{true});
  std::string msg = error_of([&] { env.render_file("p.html", Json{{"user", {{"name", "n"}}}}); });
  CHECK(msg == "p.html:2:20: 'missing' is undefined");
  std::string msg2 = error_of([&] { env.render_file("p.html", Json{{"user", Json::object()}}); });
  CHECK(msg2.find("p.html:2:") == 0);
  CHECK(msg2.find("'name'") != std::string::npos);
}

TEST_CASE("infinite recursion stops with a TemplateError") {
  Environment env(".");
  std::string m = error_of([&] { env.render_string("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", Json::object()); });
  CHECK(m.find("recursion") != std::string::npos);
  TempDir d;
  d.write("self.txt", "x{% include 'self.txt' %}");
  d.write("a.txt", "{% include 'b.txt' %}");
  d.write("b.txt", "{% include 'a.txt' %}");
  Environment envd(d.path);
  CHECK_THROWS_AS(envd.render_file("self.txt", Json::object()), TemplateError);
  std::string chain = error_of([&] { envd.render_file("a.txt", Json::object()); });
  CHECK(chain.find("recursion") != std::string::npos);
  CHECK(std::count(chain.begin(), chain.end(), '\n') <= 10);  // the chain is capped
  Json tree = Json::object();
  Json* node = &tree;
  for (int i = 0; i < 1000; ++i) node = &((*node)["c"] = Json::array({Json::object()}))[0];
  CHECK_THROWS_AS(env.render_string("{% for n in [t] recursive %}{{ loop(n.c) }}{% endfor %}", Json{{"t", tree}}), TemplateError);
}

TEST_CASE("globals sit below the context") {
  Environment env(".");
  env.set_globals(Json{{"site", "市"}, {"x", 1}});
  CHECK(env.render_string("{{ site }}{{ x }}", Json{{"x", 2}}) == "市2");
}

TEST_CASE("parallel rendering shares one environment") {
  TempDir d;
  d.write("base.html", "{% block b %}{% endblock %}");
  d.write("m.html", "{% macro item(i) %}<li>{{ i }}</li>{% endmacro %}");
  d.write("p.html",
          "{% extends 'base.html' %}{% import 'm.html' as m %}{% block b %}{% for i in items %}{{ m.item(i) }}{% endfor %}"
          "{{ n|string }}{% endblock %}");
  Environment env(d.path);
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) {
        int n = t * 1000 + k;
        std::string got = env.render_file("p.html", Json{{"items", {t, k}}, {"n", n}});
        std::string want = "<li>" + std::to_string(t) + "</li><li>" + std::to_string(k) + "</li>";
        if (got.rfind(want, 0) != 0) ++bad;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(bad == 0);
}

TEST_CASE("render_string output is exact") {
  Environment env(".");
  CHECK(env.render_string("a\n", Json::object()) == "a");
  CHECK(env.render_string("", Json::object()) == "");
  CHECK(env.render_string("{{ 1 }}\n\n", Json::object()) == "1\n");
}
