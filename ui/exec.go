package ui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/broadsheet/broadsheet/feed"
)

// noticeMsg is a message for the reader, shown in the status bar until
// the next key.
type noticeMsg string

// current returns the article the reader means: the one open, or the
// one selected in the list.
func (m *Model) current() *feed.Article {
	if m.state == stateDetail {
		return m.detail.shown()
	}
	return m.list.selected()
}

// act runs an action on the current article: edit, page, browse or
// copy.
func (m *Model) act(msg tea.KeyPressMsg) tea.Cmd {
	a := m.current()
	if a == nil {
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Edit):
		return m.runOnFile(a, "EDITOR", "vi", "edit")
	case key.Matches(msg, k.Pager):
		return m.runOnFile(a, "PAGER", "less", "page through")
	case key.Matches(msg, k.Browser):
		u, ok := safeURL(a.URL)
		if !ok {
			m.notice = "This article has no web address to open."
			return nil
		}
		return openBrowser(u)
	case key.Matches(msg, k.Copy):
		if u, ok := safeURL(a.URL); ok {
			return m.copyText(u, "the link")
		}
		if m.opts.Samples || a.Path == "" {
			m.notice = "This article has neither a link nor a file to copy."
			return nil
		}
		return m.copyText(cleanLine(a.Path), "the file's path")
	}
	return nil
}

// clipboardTool is a program that puts what it reads on the system
// clipboard, tried when env (if any) says its display is there.
type clipboardTool struct {
	name string
	args []string
	env  string
}

// clipboardTools are tried in turn; tests replace them.
var clipboardTools = []clipboardTool{
	{"wl-copy", nil, "WAYLAND_DISPLAY"},
	{"xclip", []string{"-selection", "clipboard"}, "DISPLAY"},
	{"xsel", []string{"--clipboard", "--input"}, "DISPLAY"},
	{"pbcopy", nil, ""},
}

// copyText puts text on the clipboard with the first clipboard tool at
// hand, saying which, or else asks the terminal to, by OSC 52. Whether
// a terminal did cannot be known, so the notice says only that it was
// sent.
func (m *Model) copyText(text, what string) tea.Cmd {
	osc52 := func(why string) tea.Cmd {
		return tea.Batch(tea.SetClipboard(text), func() tea.Msg {
			return noticeMsg(why + "Sent " + what + " to the terminal's clipboard.")
		})
	}
	for _, t := range clipboardTools {
		if t.env != "" && os.Getenv(t.env) == "" {
			continue
		}
		path, err := exec.LookPath(t.name)
		if err != nil {
			continue
		}
		m.notice = "Copying " + what + "…"
		return func() tea.Msg {
			cmd := exec.Command(path, t.args...)
			cmd.Stdin = strings.NewReader(text)
			if out, err := cmd.CombinedOutput(); err != nil {
				why := cleanLine(strings.TrimSpace(string(out)))
				if why == "" {
					why = cleanLine(err.Error())
				}
				return tea.BatchMsg{osc52(t.name + " failed (" + truncate(why, 60) + "). ")}
			}
			return noticeMsg("Copied " + what + " with " + t.name + ".")
		}
	}
	m.notice = "Sent " + what + " to the terminal's clipboard."
	return tea.SetClipboard(text)
}

// runOnFile hands the terminal to the program $env names (or fallback)
// on the article's file, and takes it back when the program ends.
func (m *Model) runOnFile(a *feed.Article, env, fallback, verb string) tea.Cmd {
	if m.opts.Samples || a.Path == "" {
		m.notice = "This article is one of the bundled samples: there is no file to " + verb + "."
		return nil
	}
	prog := os.Getenv(env)
	if prog == "" {
		prog = fallback
	}
	cmd, err := fileCommand(prog, a.Path)
	if err != nil {
		m.notice = "The article's file cannot be opened: " + cleanLine(err.Error())
		return nil
	}
	return tea.ExecProcess(cmd, func(err error) tea.Msg {
		if err != nil {
			return noticeMsg(fmt.Sprintf("%s: %v", cleanLine(prog), err))
		}
		return nil
	})
}

// fileCommand returns the command that runs prog on the file at path,
// given to it as fileArg gives it, or why the file cannot be opened.
func fileCommand(prog, path string) (*exec.Cmd, error) {
	abs, err := fileArg(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, err
	}
	return shellCommand(prog, abs), nil
}

// fileArg returns path as an editor or pager must be given it: made
// absolute, so that it starts with "/" (or a drive letter) and no
// program reads it as an option or a command. Given as it is, a file
// named "+!touch x" is a command to vi, and "-c!touch x" one to vi and
// less alike; "--" would stop only the programs that honour it.
func fileArg(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", path, err)
	}
	if strings.HasPrefix(abs, "-") || strings.HasPrefix(abs, "+") {
		return "", fmt.Errorf("resolve %s: not an absolute path", path)
	}
	return abs, nil
}

// shellCommand runs prog, as a user writes it in $EDITOR or $PAGER
// (perhaps with arguments and quotes), on path. A shell reads prog, as
// git does, and path is passed to it apart so it is never parsed.
func shellCommand(prog, path string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		return exec.Command("cmd", "/c", prog, path)
	}
	return exec.Command("sh", "-c", prog+` "$@"`, "sh", path)
}

// openBrowser opens a web address in the web browser, reporting failure
// in the status bar. The browser is a program of its own: the terminal
// stays with Broadsheet.
func openBrowser(u string) tea.Cmd {
	return func() tea.Msg {
		var cmd *exec.Cmd
		switch {
		case os.Getenv("BROWSER") != "":
			cmd = shellCommand(os.Getenv("BROWSER"), u)
		case runtime.GOOS == "darwin":
			cmd = exec.Command("open", u)
		case runtime.GOOS == "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
		default:
			cmd = exec.Command("xdg-open", u)
		}
		if err := cmd.Start(); err != nil {
			if errors.Is(err, exec.ErrNotFound) {
				return noticeMsg("No web browser found to open " + u)
			}
			return noticeMsg("Could not open the browser: " + cleanLine(err.Error()))
		}
		go cmd.Wait() //nolint:errcheck // the browser outlives nothing of ours
		return noticeMsg("Opened " + u)
	}
}
