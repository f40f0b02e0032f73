ALTER TABLE "funds" ADD COLUMN "content_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "funds" ADD COLUMN "description_translation" text;--> statement-breakpoint
ALTER TABLE "program_questions" ADD COLUMN "content_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "program_questions" ADD COLUMN "label_translation" text;--> statement-breakpoint
ALTER TABLE "program_questions" ADD COLUMN "help_text_translation" text;--> statement-breakpoint
ALTER TABLE "program_questions" ADD COLUMN "options_translation" text[];--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "content_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "title_translation" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "description_translation" text;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "eligibility_translation" text;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD COLUMN "content_language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD COLUMN "label_translation" text;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD COLUMN "description_translation" text;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD COLUMN "guidance_translation" text[];--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "step_languages" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_content_language_known" CHECK ("funds"."content_language" IN ('en', 'es'));--> statement-breakpoint
ALTER TABLE "funds" ADD CONSTRAINT "funds_translation_not_empty" CHECK ("funds"."description_translation" <> '');--> statement-breakpoint
ALTER TABLE "program_questions" ADD CONSTRAINT "program_questions_content_language_known" CHECK ("program_questions"."content_language" IN ('en', 'es'));--> statement-breakpoint
ALTER TABLE "program_questions" ADD CONSTRAINT "program_questions_translations_not_empty" CHECK ("program_questions"."label_translation" <> '' AND "program_questions"."help_text_translation" <> '');--> statement-breakpoint
ALTER TABLE "program_questions" ADD CONSTRAINT "program_questions_options_translation_per_option" CHECK (cardinality("program_questions"."options_translation") = cardinality("program_questions"."options"));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_content_language_known" CHECK ("programs"."content_language" IN ('en', 'es'));--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_translations_not_empty" CHECK ("programs"."title_translation" <> '' AND "programs"."description_translation" <> '' AND "programs"."eligibility_translation" <> '');--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_content_language_known" CHECK ("rubric_criteria"."content_language" IN ('en', 'es'));--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_translations_not_empty" CHECK ("rubric_criteria"."label_translation" <> '' AND "rubric_criteria"."description_translation" <> '');--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_guidance_translation_per_level" CHECK (cardinality("rubric_criteria"."guidance_translation") = jsonb_array_length("rubric_criteria"."levels"));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_step_languages_known" CHECK (jsonb_typeof("applications"."step_languages") = 'object' AND NOT jsonb_path_exists("applications"."step_languages", '$.* ? (@ != "en" && @ != "es")'));