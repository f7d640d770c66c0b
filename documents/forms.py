"""Forms for the curator workspace: uploading source texts."""

from pathlib import Path

from django import forms

UPLOAD_SUFFIXES = (".txt", ".html", ".htm")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, each checked as a FileField would check one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        help_text="Plain-text (.txt) or HTML (.html) source texts. Importing the same file again "
        "changes nothing; a bad file is reported and changes nothing."
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        wrong = [f.name for f in files if Path(f.name).suffix.lower() not in UPLOAD_SUFFIXES]
        if wrong:
            raise forms.ValidationError(
                "Only .txt and .html files can be imported, not: %(names)s",
                params={"names": ", ".join(wrong)},
            )
        return files
