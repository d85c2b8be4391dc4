from orglife_tui.cli import main

main()
