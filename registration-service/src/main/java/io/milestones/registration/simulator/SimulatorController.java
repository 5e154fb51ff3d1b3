package io.milestones.registration.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin control of the traffic simulator: start a run, stop it, see how far it got. */
@RestController
@RequestMapping("/api/admin/simulator")
class SimulatorController {

    private final TrafficSimulator simulator;
    private final SimulatorProperties defaults;

    SimulatorController(TrafficSimulator simulator, SimulatorProperties defaults) {
        this.simulator = simulator;
        this.defaults = defaults;
    }

    @GetMapping
    TrafficSimulator.Status status() {
        return simulator.status();
    }

    /** Starts a run (replacing a running one); absent values come from the settings. */
    @PostMapping("/start")
    TrafficSimulator.Status start(@Valid @RequestBody(required = false) StartRequest request) {
        StartRequest start = request == null ? new StartRequest(null, null) : request;
        return simulator.start(
                new TrafficSimulator.Run(
                        start.ratePerSecond() == null
                                ? defaults.ratePerSecond()
                                : start.ratePerSecond(),
                        start.total() == null ? defaults.total() : start.total()));
    }

    @PostMapping("/stop")
    TrafficSimulator.Status stop() {
        return simulator.stopRun();
    }

    /**
     * @param ratePerSecond registrations per second
     * @param total registrations before stopping; 0 for no end
     */
    record StartRequest(@Positive @DecimalMax("10000") Double ratePerSecond, @Min(0) Long total) {}
}
