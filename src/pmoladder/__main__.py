from pmoladder.cli import main

main()
