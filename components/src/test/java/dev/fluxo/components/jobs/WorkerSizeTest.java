package dev.fluxo.components.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerSizeTest {

    @Test
    void theHeapAskedForFitsTheWorkerAndTheWorkerIsFoundFromTheHeap() {
        // every size EMR Serverless accepts: 2-8 GB per vCPU, 120 GB at most
        for (int vcpu : new int[]{1, 2, 4, 8, 16}) {
            for (int gb = 2 * vcpu; gb <= Math.min(8 * vcpu, 120); gb++) {
                var size = new WorkerSize(vcpu, gb);
                if (size.problem().isPresent()) {
                    continue;
                }
                assertThat(WorkerSize.workerMemoryGb(size.sparkMemoryMb())).as(size.toString()).isEqualTo(gb);
            }
        }
        assertThat(new WorkerSize(1, 4).sparkMemoryMb()).isEqualTo(3712);
    }
}
