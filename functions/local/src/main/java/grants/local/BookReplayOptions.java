package grants.local;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What a replay of a book is told: the book, and where to write its files (a picocli mixin). */
final class BookReplayOptions {

    @Option(names = "--book", required = true, paramLabel = "FILE", description = "The book to replay (JSON).")
    Path bookFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path outDirectory;
}
