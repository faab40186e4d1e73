package eu.plenum.scheduling.domain;

import eu.plenum.scheduling.QuestionKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A custom question on a webinar's registration form. */
@Entity
@Table(name = "registration_question")
public class RegistrationQuestion {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "webinar_id")
    private Webinar webinar;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private QuestionKind kind;

    @Column(nullable = false, length = 300)
    private String label;

    @Column(nullable = false)
    private boolean required;

    @Column(length = 3000)
    private String choices;

    protected RegistrationQuestion() {
    }

    RegistrationQuestion(Webinar webinar, int position, QuestionKind kind, String label, boolean required, List<String> choices) {
        this.id = UUID.randomUUID();
        this.webinar = webinar;
        this.position = position;
        update(kind, label, required, choices);
    }

    void update(QuestionKind kind, String label, boolean required, List<String> choices) {
        this.kind = kind;
        this.label = label;
        this.required = required;
        this.choices = choices.isEmpty() ? null : String.join("\n", choices);
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public QuestionKind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    public List<String> choices() {
        return choices == null ? List.of() : Arrays.asList(choices.split("\n"));
    }
}
