from orglife_tui.cli.main import main

main()
