from pmoladder.console import main

main()
