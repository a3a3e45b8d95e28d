package dev.dojomcp.findings;

import dev.dojomcp.defectdojo.model.Note;
import dev.dojomcp.tools.TextRendering;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingNotes(long findingId, int count, List<Note> notes) implements TextRendering, dev.dojomcp.tools.FindingRecord {
    @Override
    public String asText() {
        StringBuilder sb = new StringBuilder(count + " note(s) on finding #" + findingId);
        for (Note n : notes) {
            sb.append("\n- #").append(n.id()).append(' ').append(n.date()).append(' ')
                    .append(n.author() == null ? "?" : n.author().username())
                    .append(Boolean.TRUE.equals(n.isPrivate()) ? " (private)" : "").append(": ").append(n.entry());
        }
        return sb.toString();
    }
}
