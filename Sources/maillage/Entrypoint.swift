import MaillageCLI

@main
struct Entrypoint {
    static func main() async {
        await MaillageCommand.main()
    }
}
