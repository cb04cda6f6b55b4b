package cli

import (
	"os"
	"testing"

	"github.com/broadsheet/broadsheet/internal/testenv"
)

func TestMain(m *testing.M) { os.Exit(testenv.Main(m)) }
