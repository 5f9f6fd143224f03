/// The frame every page shares: the document type, the character set, the security policy
/// (before anything it governs), the title and the stylesheet; then, at the end, the script.
enum PageFrame {
    static func open(_ out: inout HTMLBuffer, title: String, words: PageWords, script: InlineCode) {
        out.raw("<!DOCTYPE html>\n<html lang=\"\(words.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.raw(ContentSecurityPolicy.meta(script: script, style: PageAssets.style))
        out.raw(
            "\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"generator\" content=\"reportlint \(ToolInfo.version)\">\n<title>"
        )
        out.text(title)
        out.raw(" — reportlint</title>\n<style>")
        out.raw(PageAssets.style.content)
        out.raw("</style>\n</head>\n<body>\n")
    }

    static func close(_ out: inout HTMLBuffer, script: InlineCode) {
        out.raw("\n<script>")
        out.raw(script.content)
        out.raw("</script>\n</body>\n</html>\n")
    }
}
