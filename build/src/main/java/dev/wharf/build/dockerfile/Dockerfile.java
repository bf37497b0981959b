package dev.wharf.build.dockerfile;

import java.util.List;

/** A parsed Dockerfile: the ARGs before the first FROM, then the stages in order. */
public record Dockerfile(char escape, List<Instruction.Arg> metaArgs, List<Stage> stages) {

    /** One FROM and the instructions after it. */
    public record Stage(int index, Instruction.From from, List<Instruction> instructions) {
        public String name() {
            return from.stageName();
        }
    }

    /** Instructions in the whole file, FROMs included: the "m" of "Step n/m". */
    public int stepCount(int throughStage) {
        int count = 0;
        for (Stage stage : stages.subList(0, throughStage + 1)) {
            count += 1 + stage.instructions().size();
        }
        return count;
    }
}
