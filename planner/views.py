from django.shortcuts import render


def planner(request):
    return render(request, "planner/planner.html", {"nav": "planner"})
