package dev.dojomcp.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every file under a folder line by line and reports where a secret occurs: file:line and its name only. */
record LogScan(List<Path> files, long lines, long bytes, List<String> hits) {

    static LogScan of(Path dir, Map<String, String> secretsByName) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> hits = new ArrayList<>();
        long lines = 0;
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
            // Malformed bytes become U+FFFD instead of stopping the scan.
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    lines++;
                    for (Map.Entry<String, String> s : secretsByName.entrySet()) {
                        if (line.contains(s.getValue())) {
                            hits.add(dir.relativize(file) + ":" + number + ": " + s.getKey());
                        }
                    }
                }
            }
        }
        return new LogScan(files, lines, bytes, hits);
    }
}
